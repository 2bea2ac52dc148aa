import type { FlowSpec, NodeSpec, ProcessSpec } from './model';
import { flowId } from './model';
import { layoutScope } from './layout';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Refs { messages: Set<string>; escalations: Set<string>; errors: Set<string>; signals: Set<string> }

const slug = (s: string): string => s.replace(/[^A-Za-z0-9_]/g, '_');

function eventDefinition(n: NodeSpec, refs: Refs, ind: string): string[] {
  const lines: string[] = [];
  if (n.message) {
    refs.messages.add(n.message);
    lines.push(`${ind}<bpmn:messageEventDefinition id="${n.id}_med" messageRef="Message_${slug(n.message)}" />`);
  }
  if (n.timer) {
    const [tag, v] = n.timer.date ? ['timeDate', n.timer.date] : n.timer.duration ? ['timeDuration', n.timer.duration] : ['timeCycle', n.timer.cycle!];
    lines.push(`${ind}<bpmn:timerEventDefinition id="${n.id}_ted">`);
    lines.push(`${ind}  <bpmn:${tag} xsi:type="bpmn:tFormalExpression">${esc(v)}</bpmn:${tag}>`);
    lines.push(`${ind}</bpmn:timerEventDefinition>`);
  }
  if (n.escalation) {
    refs.escalations.add(n.escalation);
    lines.push(`${ind}<bpmn:escalationEventDefinition id="${n.id}_eed" escalationRef="Escalation_${slug(n.escalation)}" />`);
  }
  if (n.error) {
    refs.errors.add(n.error);
    lines.push(`${ind}<bpmn:errorEventDefinition id="${n.id}_erd" errorRef="Error_${slug(n.error)}" />`);
  }
  if (n.signal) {
    refs.signals.add(n.signal);
    lines.push(`${ind}<bpmn:signalEventDefinition id="${n.id}_sed" signalRef="Signal_${slug(n.signal)}" />`);
  }
  if (n.terminate) lines.push(`${ind}<bpmn:terminateEventDefinition id="${n.id}_trd" />`);
  return lines;
}

function extensions(n: NodeSpec, ind: string): string[] {
  const x: string[] = [];
  if (n.job) x.push(`${ind}  <zeebe:taskDefinition type="${esc(n.job)}" retries="3" />`);
  if (n.form) x.push(`${ind}  <zeebe:formDefinition formId="${esc(n.form)}" />`);
  if (n.groups) x.push(`${ind}  <zeebe:assignmentDefinition candidateGroups="${esc(n.groups)}" />`);
  if (n.due) x.push(`${ind}  <zeebe:taskSchedule dueDate="${esc(n.due)}" />`);
  if (n.calledElement) x.push(`${ind}  <zeebe:calledElement processId="${esc(n.calledElement)}" propagateAllChildVariables="true" />`);
  if (n.inputs?.length || n.outputs?.length) {
    x.push(`${ind}  <zeebe:ioMapping>`);
    for (const [t, s] of n.inputs ?? []) x.push(`${ind}    <zeebe:input source="${esc(s)}" target="${esc(t)}" />`);
    for (const [t, s] of n.outputs ?? []) x.push(`${ind}    <zeebe:output source="${esc(s)}" target="${esc(t)}" />`);
    x.push(`${ind}  </zeebe:ioMapping>`);
  }
  const props = { ...(n.deadline ? { deadline: n.deadline } : {}), ...(n.props ?? {}) };
  if (Object.keys(props).length) {
    x.push(`${ind}  <zeebe:properties>`);
    for (const [k, v] of Object.entries(props)) x.push(`${ind}    <zeebe:property name="${esc(k)}" value="${esc(v)}" />`);
    x.push(`${ind}  </zeebe:properties>`);
  }
  return x.length ? [`${ind}<bpmn:extensionElements>`, ...x, `${ind}</bpmn:extensionElements>`] : [];
}

function scopeXml(nodes: NodeSpec[], flows: FlowSpec[], refs: Refs, ind: string): string[] {
  const lines: string[] = [];
  const defaults = new Map(flows.filter((f) => f.isDefault).map((f) => [f.from, flowId(f)]));
  for (const n of nodes) {
    const attrs = [`id="${n.id}"`, `name="${esc(n.name)}"`];
    if (defaults.has(n.id)) attrs.push(`default="${defaults.get(n.id)}"`);
    if (n.type === 'boundaryEvent') {
      attrs.push(`cancelActivity="${n.interrupting === false ? 'false' : 'true'}"`, `attachedToRef="${n.attachedTo}"`);
    }
    if (n.type === 'startEvent' && n.interrupting === false) attrs.push('isInterrupting="false"');
    if (n.triggeredByEvent) attrs.push('triggeredByEvent="true"');
    if (n.type === 'receiveTask' && n.message) {
      refs.messages.add(n.message);
      attrs.push(`messageRef="Message_${slug(n.message)}"`);
    }
    lines.push(`${ind}<bpmn:${n.type} ${attrs.join(' ')}>`);
    const doc = [n.doc, n.deadline ? `Thời hạn ${n.deadline} (DOMAIN.md §8).` : ''].filter(Boolean).join(' ');
    if (doc) lines.push(`${ind}  <bpmn:documentation>${esc(doc)}</bpmn:documentation>`);
    lines.push(...extensions(n, `${ind}  `));
    for (const f of flows) if (f.to === n.id) lines.push(`${ind}  <bpmn:incoming>${flowId(f)}</bpmn:incoming>`);
    for (const f of flows) if (f.from === n.id) lines.push(`${ind}  <bpmn:outgoing>${flowId(f)}</bpmn:outgoing>`);
    if (n.multiInstance) {
      const m = n.multiInstance;
      lines.push(`${ind}  <bpmn:multiInstanceLoopCharacteristics${m.sequential ? ' isSequential="true"' : ''}>`);
      lines.push(`${ind}    <bpmn:extensionElements>`);
      lines.push(`${ind}      <zeebe:loopCharacteristics inputCollection="${esc(m.collection)}" inputElement="${esc(m.element)}" />`);
      lines.push(`${ind}    </bpmn:extensionElements>`);
      lines.push(`${ind}  </bpmn:multiInstanceLoopCharacteristics>`);
    }
    if (n.type === 'subProcess') lines.push(...scopeXml(n.children ?? [], n.flows ?? [], refs, `${ind}  `));
    if (n.type !== 'receiveTask') lines.push(...eventDefinition(n, refs, `${ind}  `));
    lines.push(`${ind}</bpmn:${n.type}>`);
  }
  for (const f of flows) {
    const attrs = `id="${flowId(f)}"${f.name ? ` name="${esc(f.name)}"` : ''} sourceRef="${f.from}" targetRef="${f.to}"`;
    if (f.cond) {
      lines.push(`${ind}<bpmn:sequenceFlow ${attrs}>`);
      lines.push(`${ind}  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${esc(f.cond)}</bpmn:conditionExpression>`);
      lines.push(`${ind}</bpmn:sequenceFlow>`);
    } else lines.push(`${ind}<bpmn:sequenceFlow ${attrs} />`);
  }
  return lines;
}

function allFlows(nodes: NodeSpec[], flows: FlowSpec[]): FlowSpec[] {
  return [...flows, ...nodes.flatMap((n) => allFlows(n.children ?? [], n.flows ?? []))];
}

function allNodes(nodes: NodeSpec[]): NodeSpec[] {
  return nodes.flatMap((n) => [n, ...allNodes(n.children ?? [])]);
}

/** BPMN 2.0 XML, Camunda 8 (Zeebe) dialect, with DI laid out left to right. */
export function writeBpmn(p: ProcessSpec): string {
  const refs: Refs = { messages: new Set(), escalations: new Set(), errors: new Set(), signals: new Set() };
  const ids = [...allNodes(p.nodes).map((n) => n.id), ...allFlows(p.nodes, p.flows).map(flowId)];
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new Error(`${p.id}: duplicate id ${dup}`);
  const body = scopeXml(p.nodes, p.flows, refs, '    ');
  const layout = layoutScope(p.nodes, p.flows);
  const expanded = new Set(allNodes(p.nodes).filter((n) => n.type === 'subProcess').map((n) => n.id));
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0"'
      + ` id="Definitions_${slug(p.id)}" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Quy Trình workflows/authoring" exporterVersion="1.0.0" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.6.0">`,
    `  <bpmn:process id="${p.id}" name="${esc(p.name)}" isExecutable="true">`,
    `    <bpmn:documentation>${esc(p.doc)}</bpmn:documentation>`,
    ...body,
    '  </bpmn:process>',
  ];
  for (const m of [...refs.messages].sort()) {
    out.push(`  <bpmn:message id="Message_${slug(m)}" name="${esc(m)}">`);
    out.push('    <bpmn:extensionElements>');
    out.push('      <zeebe:subscription correlationKey="=personId" />');
    out.push('    </bpmn:extensionElements>');
    out.push('  </bpmn:message>');
  }
  for (const e of [...refs.escalations].sort()) out.push(`  <bpmn:escalation id="Escalation_${slug(e)}" name="${esc(e)}" escalationCode="${esc(e)}" />`);
  for (const e of [...refs.errors].sort()) out.push(`  <bpmn:error id="Error_${slug(e)}" name="${esc(e)}" errorCode="${esc(e)}" />`);
  for (const s of [...refs.signals].sort()) out.push(`  <bpmn:signal id="Signal_${slug(s)}" name="${esc(s)}" />`);
  out.push('  <bpmndi:BPMNDiagram id="BPMNDiagram_1">');
  out.push(`    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${p.id}">`);
  const r = (v: number) => Math.round(v);
  for (const [id, b] of layout.shapes) {
    const exp = expanded.has(id) ? ' isExpanded="true"' : '';
    out.push(`      <bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"${exp}>`);
    out.push(`        <dc:Bounds x="${r(b.x)}" y="${r(b.y)}" width="${r(b.w)}" height="${r(b.h)}" />`);
    out.push('      </bpmndi:BPMNShape>');
  }
  for (const [id, pts] of layout.edges) {
    out.push(`      <bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}">`);
    for (const pt of pts) out.push(`        <di:waypoint x="${r(pt.x)}" y="${r(pt.y)}" />`);
    out.push('      </bpmndi:BPMNEdge>');
  }
  out.push('    </bpmndi:BPMNPlane>', '  </bpmndi:BPMNDiagram>', '</bpmn:definitions>', '');
  return out.join('\n');
}
