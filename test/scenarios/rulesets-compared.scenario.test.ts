import { beforeAll, describe, expect, it } from 'vitest';
import type { HttpDriver } from './support/http-driver';
import { vn } from './support/paths';
import { addPerson, type ScenarioPlatform } from './support/scenario-platform';
import { scenarioSuite } from './support/scenario-suite';

const suite = scenarioSuite(vn('2024-06-03T08:00:00'));
let p: ScenarioPlatform;
let http: HttpDriver;
beforeAll(() => { ({ p, http } = suite); });

/** Who does a task of each candidate group (demo users of both maps). */
const userOf: Record<string, string> = {
  'police:99104': 'ca.cu.xa2', 'people_committee:99104': 'ubnd.cu.xa2', 'labour_office:991': 'ldtbxh.huyen1', 'court:991': 'toa.huyen1',
  'police:99130': 'ca.xa1', 'people_committee:99130': 'ubnd.xa1', 'court:99-KV1': 'toa.khuvuc1', 'procuracy:99': 'vks.tinh',
};

/** The same choices for every task under both rulesets. */
const choices: Record<string, Record<string, unknown>> = {
  Task_OpenDossier: { triggerType: 'NOT_REGISTERED', isMinor: false },
  Task_VerifyResidence: { stableResidence: true, familyAgrees: true },
  Task_InterimDecision: { interimMode: 'family' },
  Task_LabourCheck: { checkResult: 'valid' },
  Task_ReceiveDossier: { dossierComplete: true },
  Task_StudyFile: { needsClarification: false, extended: false },
  Task_Session: { decisionType: 'apply', termMonths: 12 },
};

interface Step { element: string; groups: string[]; dueWorkingMs: number | null; procedure: string }

/**
 * Drives one person from the dossier to the escort order: every open user task is done by the
 * user of its group with the same choices; timers (reading period, windows) are passed by moving the
 * clock to the next due job. Returns the user tasks in order with their groups and due offsets.
 */
async function run(communeCode: string, startAt: string): Promise<{ steps: Step[]; ruleset: string }> {
  p.clock.set(vn(startAt));
  const personId = await addPerson(p.db, communeCode, `Người so sánh ${communeCode}`);
  const started = await p.start({ procedureKey: 'compulsory-dossier', personId, variables: { triggerType: 'NOT_REGISTERED', isMinor: false } });
  const steps: Step[] = [];
  for (let guard = 0; guard < 60; guard += 1) {
    const cases = await p.db.selectFrom('rehab_case').select(['instance_id', 'procedure_key']).where('person_id', '=', personId).where('status', '=', 'open').execute();
    const open = cases.find((c) => c.procedure_key === 'escort-admission');
    if (open) {
      const plan = await p.driver.openTask(open.instance_id!, 'Task_PlanEscort');
      steps.push({ element: plan.element_id, groups: plan.candidate_groups, dueWorkingMs: null, procedure: 'escort-admission' });
      return { steps, ruleset: started.context.ruleset };
    }
    const current = cases[0];
    // parallel tasks (CV, statement) open together: take them in a fixed order
    const task = (await p.driver.openTasks(current.instance_id!)).sort((x, y) => x.element_id.localeCompare(y.element_id))[0];
    if (!task) {
      // a timer is due next (reading period D12, complaint/postponement windows): a day later
      p.clock.set(new Date(p.clock.now().getTime() + 86_400_000).toISOString());
      await p.app.workflowRuntime.drain();
      continue;
    }
    const user = userOf[task.candidate_groups[0]];
    expect(user, `${task.element_id}: ${task.candidate_groups.join()}`).toBeDefined();
    steps.push({
      element: task.element_id, groups: task.candidate_groups, procedure: current.procedure_key,
      dueWorkingMs: task.due_at ? new Date(task.due_at).getTime() - new Date(task.created_at).getTime() : null,
    });
    const acceptedNow = task.element_id === 'Task_AcceptAssignJudge' ? { acceptedAt: p.clock.now().toISOString() } : {};
    await http.complete(user, current.instance_id!, task.element_id, { ...(choices[task.element_id] ?? {}), ...acceptedNow });
  }
  throw new Error('the chain did not reach the escort order');
}

describe('rulesets 2022 and 2025 compared on the same dossier → court → escort chain', () => {
  it('should run the same steps with the same due offsets and differ exactly where DOMAIN.md says', async () => {
    // given the same person history on the 2022 map (xã Hòa Bình 99104, huyện 991, June 2024) and
    // on the 2025 map (xã Sông Xanh 99130, June 2026) — both start on a Monday with no holiday near
    const old = await run('99104', '2024-06-03T08:00:00');
    const now = await run('99130', '2026-06-01T08:00:00');
    expect([old.ruleset, now.ruleset]).toEqual(['2022', '2025']);
    // then the only extra step is the district labour office's check (ND116 Art 43; 2022 only)
    expect(old.steps.map((s) => s.element).filter((e) => e !== 'Task_LabourCheck')).toEqual(now.steps.map((s) => s.element));
    expect(old.steps.filter((s) => s.element === 'Task_LabourCheck').map((s) => s.groups)).toEqual([['labour_office:991']]);
    // the deadlines of the shared steps are the same (working days / calendar days / hours)
    const shared = old.steps.filter((s) => s.element !== 'Task_LabourCheck');
    expect(shared.map((s) => [s.element, s.dueWorkingMs])).toEqual(now.steps.map((s) => [s.element, s.dueWorkingMs]));
    // and who acts differs exactly in: the preparer (commune chairman → chief of commune police,
    // TTLT03), the court (district → regional court area), the escort unit (district → provincial police)
    const normalise = (g: string) => g.replace(/99104|99130/, '<commune>');
    const differences = shared.map((s, i) => [s.element, s.groups.map(normalise).join(), now.steps[i].groups.map(normalise).join()])
      .filter(([, a, b]) => a !== b);
    const preparer = ['people_committee:<commune>', 'police:<commune>'];
    const court = ['court:991', 'court:99-KV1'];
    expect(differences).toEqual([
      ['Task_OpenDossier', ...preparer], ['Task_FamilyConsent', ...preparer], ['Task_InterimDecision', ...preparer],
      ['Task_Proposal', ...preparer], ['Task_Notice', ...preparer], ['Task_SendDossier', ...preparer],
      ['Task_ReceiveDossier', ...court], ['Task_AcceptAssignJudge', ...court], ['Task_StudyFile', ...court],
      ['Task_Session', ...court], ['Task_IssueDecision', ...court],
      ['Task_PlanEscort', 'police:991', 'police:99'],
    ]);
    // the steps both rulesets give to the same agency kind (commune police: residence, CV, statement)
    expect(shared.filter((s) => s.groups[0].startsWith('police:') && s.procedure === 'compulsory-dossier').map((s) => s.element))
      .toEqual(['Task_VerifyResidence', 'Task_CaseSummaryCv', 'Task_Statement']);
  }, 180_000);
});
