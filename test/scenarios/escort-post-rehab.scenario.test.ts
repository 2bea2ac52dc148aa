import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpDriver } from './support/http-driver';
import { demoPerson, meaningful, vn } from './support/paths';
import { createScenarioPlatform, elementPath, type ScenarioPlatform } from './support/scenario-platform';

let p: ScenarioPlatform;
let http: HttpDriver;
beforeAll(async () => {
  p = await createScenarioPlatform(vn('2026-03-02T08:00:00'));
  http = new HttpDriver(p);
}, 60_000);
afterAll(async () => p?.destroy());

const path = async (instanceId: string) => elementPath(p.app, instanceId, meaningful);
const due = async (instanceId: string, elementId: string) => (await p.driver.openTask(instanceId, elementId)).due_at;
const caseOf = (personId: string, procedureKey: string) =>
  p.db.selectFrom('rehab_case').selectAll().where('person_id', '=', personId).where('procedure_key', '=', procedureKey).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
const PERSON = demoPerson(17); // Tạ Minh Hiếu, xã Bến Đò (99160)

/** Completes every open task of `elementId` in the tree (cycle timers may have opened several). */
async function completeAll(username: string, rootInstanceId: string, elementId: string, overrides: Record<string, unknown>): Promise<number> {
  let n = 0;
  while ((await p.driver.openTasks(rootInstanceId)).some((t) => t.element_id === elementId)) {
    await http.complete(username, rootInstanceId, elementId, overrides);
    n += 1;
  }
  return n;
}

describe('procedures 4 → 5 and the relapse handover (2025 ruleset)', () => {
  it('escort: absconding person searched and found, handover Mẫu 40, intake, placement, serving with reviews, pre-release notice, Mẫu 46 → post-rehab', async () => {
    p.clock.set(vn('2026-03-02T08:00:00'));
    const escort = await p.start({
      procedureKey: 'escort-admission', personId: PERSON, startEventId: 'Start_Effective',
      variables: { isMinor: false, termMonths: 12, deductibleInterimDays: 20, centreName: 'Cơ sở cai nghiện ma túy Tỉnh Thử nghiệm' },
    });
    // D25: 5 calendar days; 2025: the provincial police escort (setting escortUnit)
    expect(await due(escort.instanceId, 'Task_PlanEscort')).toEqual(new Date(vn('2026-03-07T08:00:00')));
    await http.cannotSee('ca.xa2', escort.instanceId, 'Task_PlanEscort');
    await http.complete('ca.tinh', escort.instanceId, 'Task_PlanEscort', { escortOutcome: 'absconded' });
    await http.complete('ca.xa2', escort.instanceId, 'Task_SearchDecision');
    await p.app.engine.correlateMessage({ name: 'PersonFound', correlationKey: PERSON });
    await p.app.workflowRuntime.drain();
    await http.complete('ca.tinh', escort.instanceId, 'Task_PlanEscort', { escortOutcome: 'handed_over' });
    await http.cannotSee('ca.tinh', escort.instanceId, 'Task_Handover');
    await http.complete('trungtam', escort.instanceId, 'Task_Handover');
    await http.complete('trungtam', escort.instanceId, 'Task_Intake');
    // term: 12 months from 02/03/2026 minus 20 days of interim management (D35) → 10/02/2027
    await http.complete('trungtam', escort.instanceId, 'Task_Placement', { termStart: '2026-03-02', termMonths: 12, interimDays: 20 });
    expect((await p.db.selectFrom('person').select('status').where('id', '=', PERSON).executeTakeFirstOrThrow()).status).toBe('compulsory_rehab');

    // when the clock reaches 20 days before the term end, the 3-monthly reviews and the 6-monthly health check have come due
    p.clock.set(vn('2027-01-21T08:00:01'));
    await p.app.workflowRuntime.drain();
    expect(await completeAll('trungtam', escort.instanceId, 'Task_ReductionReview', { reductionProposed: false, halfTermServed: false })).toBeGreaterThanOrEqual(3);
    expect(await completeAll('trungtam', escort.instanceId, 'Task_HealthCheck', {})).toBeGreaterThanOrEqual(1);
    // D29: the notice is due 15 days before the term end
    expect(await due(escort.instanceId, 'Task_PreReleaseNotice')).toEqual(new Date(vn('2027-01-26T17:00:00')));
    await http.complete('trungtam', escort.instanceId, 'Task_PreReleaseNotice');
    p.clock.set(vn('2027-02-10T08:00:01'));
    await p.app.workflowRuntime.drain();
    await http.complete('trungtam.giamdoc', escort.instanceId, 'Task_Completion');

    const steps = await path(escort.instanceId);
    expect(steps.filter((s) => /^(Task_(PlanEscort|SearchDecision|Handover|Intake|Placement|PreReleaseNotice|Completion)|Catch_|End_(Completed|TermServed))/.test(s))).toEqual([
      'Task_PlanEscort', 'Task_SearchDecision', 'Catch_PersonFound', 'Task_PlanEscort', 'Task_Handover', 'Task_Intake', 'Task_Placement',
      'Task_PreReleaseNotice', 'End_TermServed', 'Task_Completion', 'End_Completed',
    ]);
    // Mẫu 40 and 46 of the escort case, for the centre
    for (const mau of ['40', '46']) expect((await http.get('trungtam', `/api/cases/${escort.caseId}/documents/${mau}.pdf`)).statusCode).toBe(200);
    // handover: post-rehab management at the commune of residence, 2 years for a compulsory adult
    const post = await caseOf(PERSON, 'post-rehab-supervision');
    expect(post.data).toMatchObject({ previousCaseId: escort.caseId, message: 'RehabCompleted' });
    expect((await p.app.engine.getVariables(post.instance_id!)) as Record<string, unknown>).toMatchObject({ sourceType: 'COMPULSORY_ADULT' });
    expect((await p.driver.openTask(post.instance_id!, 'Task_ReceiveReport')).candidate_groups).toEqual(['police:99160']);
  }, 120_000);

  it('post-rehab: report (D30), file (D31), decision Mẫu 51 (D32), periodic test, positive ad-hoc test → relapse determination → new dossier', async () => {
    const post = await caseOf(PERSON, 'post-rehab-supervision');
    const root = post.instance_id!;
    p.clock.set(vn('2027-02-11T08:00:00'));
    await http.cannotSee('ca.xa1', root, 'Task_ReceiveReport');
    await http.complete('ca.xa2', root, 'Task_ReceiveReport', { sourceType: 'COMPULSORY_ADULT' });
    expect(await due(root, 'Task_OpenFile')).toEqual(new Date(vn('2027-02-16T08:00:00'))); // D31: 3 wd over the weekend
    await http.complete('ca.xa2', root, 'Task_OpenFile');
    expect(await due(root, 'Task_PostRehabDecision')).toEqual(new Date(vn('2027-02-15T08:00:00'))); // D32: 2 wd (Fri → Mon)
    await http.cannotSee('ca.xa2', root, 'Task_PostRehabDecision');
    await http.complete('ubnd.xa2', root, 'Task_PostRehabDecision', { sourceType: 'COMPULSORY_ADULT', termStart: '2027-02-11' });
    expect((await p.db.selectFrom('person').select('status').where('id', '=', PERSON).executeTakeFirstOrThrow()).status).toBe('post_rehab');
    expect((await http.get('ubnd.xa2', `/api/cases/${post.id}/documents/51.pdf`)).statusCode).toBe(200);

    // the periodic test (cycle R/P3M) comes due after 3 months: negative
    p.clock.set(vn('2027-05-11T08:00:01'));
    await p.app.workflowRuntime.drain();
    await http.complete('ca.xa2', root, 'Task_PeriodicTest', { testResult: 'negative' });
    // an ad-hoc test is ordered and is positive → addiction determination (group d) as a call activity
    await p.app.engine.correlateMessage({ name: 'AdhocTestOrdered', correlationKey: PERSON });
    await p.app.workflowRuntime.drain();
    await http.complete('ca.xa2', root, 'Task_AdhocTest', { testResult: 'positive' });
    await http.complete('ca.xa2', root, 'Task_PrepareRequest', { custody: 'not_in_custody', meetingPlace: 'facility', triggerGroup: 'd' });
    await http.complete('ca.xa2', root, 'Task_SummaryCv');
    await http.complete('ca.xa2', root, 'Task_BringPerson');
    await http.complete('yte.tinh', root, 'Task_ReceivePerson', { receivedAt: vn('2027-05-11T09:00:00') });
    await http.complete('yte.tinh', root, 'Task_Examine', { criterion1: true, criterion2: true, criterion3: true, criterion4: false, criterion5: false, criterion6: false });
    await http.complete('yte.tinh', root, 'Task_ResultSheet', { conclusion: 'nghien' });

    const steps = await path(root);
    expect(steps.filter((s) => /^(Task_|Call_|End_Relapse|Boundary_)/.test(s))).toEqual(expect.arrayContaining([
      'Task_ReceiveReport', 'Task_OpenFile', 'Task_PostRehabDecision', 'Task_PeriodicTest', 'Task_AdhocTest',
      'Task_PrepareRequest', 'Task_ResultSheet', 'Boundary_Relapse', 'Call_Determination', 'End_Relapse',
    ]));
    expect(steps.at(-1)).toBe('End_Relapse');
    // handover: relapse in post-rehab reaches a new compulsory dossier (trigger 4, L73 Art 32(4))
    const dossier = await caseOf(PERSON, 'compulsory-dossier');
    expect(dossier.data).toMatchObject({ previousCaseId: post.id, message: 'CompulsoryDossierRequested' });
    expect((await p.app.engine.getVariables(dossier.instance_id!)) as Record<string, unknown>).toMatchObject({ triggerType: 'RELAPSE_POST_REHAB', communeCode: '99160' });
    expect((await p.driver.openTask(dossier.instance_id!, 'Task_OpenDossier')).candidate_groups).toEqual(['police:99160']);
  });
});
