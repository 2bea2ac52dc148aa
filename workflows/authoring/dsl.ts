import type { FlowSpec, NodeSpec } from './model';

/** Candidate groups (docs/conventions.md), FEEL over the well-known process variables. */
export const G = {
  communePolice: '="police:" + communeCode',
  communeCommittee: '="people_committee:" + communeCode',
  provincialPolice: '="police:" + provinceCode',
  healthFacility: '="health_facility:" + provinceCode',
  rehabCentre: '="rehab_centre:" + provinceCode',
  labourOffice: '="labour_office:" + districtCode',
  /** 2022: commune chairman; 2025: chief of commune police (TTLT03). */
  preparer: '=if ruleset = "2022" then "people_committee:" + communeCode else "police:" + communeCode',
  /** 2022 (and 2025 on the 3-level map): district court; 2025: regional court. */
  court: '=if ruleset = "2022" or courtRegionCode = null then "court:" + districtCode else "court:" + courtRegionCode',
  higherCourt: '="court:" + provinceCode',
  /** 2022: district police; 2025: provincial police (setting escortUnit, UNCONFIRMED). */
  escort: '=if ruleset = "2022" then "police:" + districtCode else "police:" + provinceCode',
  procuracy: '="procuracy:" + provinceCode',
} as const;

export const wd = (n: number): string => `=add working days(now(), ${n})`;
export const cd = (n: number): string => `=add calendar days(now(), ${n})`;
export const hours = (n: number): string => `=add hours(now(), ${n})`;

export function task(
  id: string, name: string, form: string, groups: string, due: string,
  extra: Partial<NodeSpec> = {},
): NodeSpec {
  return { id, type: 'userTask', name, form, groups, due, ...extra };
}

export function status(id: string, value: string, name = 'Cập nhật trạng thái đối tượng'): NodeSpec {
  return { id, type: 'serviceTask', name, job: 'person.status.set', inputs: [['status', `="${value}"`]] };
}

export function render(id: string, template: string, name: string): NodeSpec {
  return { id, type: 'serviceTask', name, job: 'document.render', inputs: [['template', `="${template}"`]] };
}

export function notify(id: string, template: string, name: string, to: string): NodeSpec {
  return { id, type: 'sendTask', name, job: 'email.send', inputs: [['template', `="${template}"`], ['toGroup', to]] };
}

/**
 * SLA of a legal deadline: a non-interrupting timer warns the assignees before it and another
 * escalates to the supervisors after it (DESIGN.md §8).
 */
export function sla(host: string, deadline: string, warnAt: string, escalateAt: string): { nodes: NodeSpec[]; flows: FlowSpec[] } {
  const k = host.replace(/^[A-Za-z]+_/, '');
  const nodes: NodeSpec[] = [
    { id: `Timer_${k}Warn`, type: 'boundaryEvent', name: `Sắp đến hạn (${deadline})`, attachedTo: host, interrupting: false,
      timer: { date: warnAt }, props: { deadline } },
    { id: `Timer_${k}Overdue`, type: 'boundaryEvent', name: `Quá hạn (${deadline})`, attachedTo: host, interrupting: false,
      timer: { date: escalateAt }, props: { deadline } },
    { id: `Service_${k}Warn`, type: 'serviceTask', name: 'Nhắc hạn người được giao', job: 'notification.deadline-warning',
      inputs: [['deadline', `="${deadline}"`], ['elementId', `="${host}"`]] },
    { id: `Service_${k}Escalate`, type: 'serviceTask', name: 'Báo quá hạn cho lãnh đạo', job: 'notification.deadline-escalation',
      inputs: [['deadline', `="${deadline}"`], ['elementId', `="${host}"`]] },
    { id: `End_${k}Warned`, type: 'endEvent', name: 'Đã nhắc' },
    { id: `End_${k}Escalated`, type: 'endEvent', name: 'Đã báo cáo' },
  ];
  const flows: FlowSpec[] = [
    { from: `Timer_${k}Warn`, to: `Service_${k}Warn` },
    { from: `Service_${k}Warn`, to: `End_${k}Warned` },
    { from: `Timer_${k}Overdue`, to: `Service_${k}Escalate` },
    { from: `Service_${k}Escalate`, to: `End_${k}Escalated` },
  ];
  return { nodes, flows };
}

/** Chains ids into flows: chain('A','B','C') = A→B, B→C. */
export function chain(...ids: string[]): FlowSpec[] {
  return ids.slice(1).map((to, i) => ({ from: ids[i], to }));
}
