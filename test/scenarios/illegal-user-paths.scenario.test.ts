import { beforeAll, describe, expect, it } from 'vitest';
import type { HttpDriver } from './support/http-driver';
import { meaningful, vn } from './support/paths';
import { addPerson, elementPath, type ScenarioPlatform } from './support/scenario-platform';
import { scenarioSuite } from './support/scenario-suite';

const suite = scenarioSuite(vn('2026-03-02T08:00:00'));
let p: ScenarioPlatform;
let http: HttpDriver;
beforeAll(() => { ({ p, http } = suite); });

const due = async (instanceId: string, elementId: string) => (await p.driver.openTask(instanceId, elementId)).due_at;
const tasksOf = (steps: string[]) => steps.filter((s) => /^(Task_|Call_|Throw_|Timer_|Status_|End_|Service_|Boundary_)/.test(s));
const person = (id: string) => p.db.selectFrom('person').select(['status', 'commune_code', 'scope']).where('id', '=', id).executeTakeFirstOrThrow();
const caseRow = (id: string) => p.db.selectFrom('rehab_case').select(['status', 'scope']).where('id', '=', id).executeTakeFirstOrThrow();

/** Detection → verification → notice → decision (stable residence, xã `communeCode`), as its users. */
async function managed(personId: string, police: string, committee: string, managementStart: string) {
  const started = await p.start({ procedureKey: 'illegal-user-management', personId });
  await http.complete(police, started.instanceId, 'Task_VerifyResidence', { stableResidence: true });
  await http.complete(police, started.instanceId, 'Task_UseNotice');
  await http.complete(committee, started.instanceId, 'Task_ManagementDecision', { managementStart });
  return started;
}

/** Runs the monthly residence checks that came due (cycle R/P1M) as `police`. */
async function monthlyChecks(instanceId: string, police: string): Promise<number> {
  let n = 0;
  while ((await p.driver.openTasks(instanceId)).some((t) => t.element_id === 'Task_MonthlyCheck')) {
    await http.complete(police, instanceId, 'Task_MonthlyCheck', { reuseDetected: false });
    n += 1;
  }
  return n;
}

describe('illegal-user management (ND105): D4 term, reuse "not addicted", move to another commune', () => {
  it('D4: reuse found "not addicted" → a new decision with a fresh 1-year term → term end → Mẫu 10, case closed', async () => {
    // given a decision signed Monday 02/03/2026: the term (D4, 1 year) is computed from the signing date
    p.clock.set(vn('2026-03-02T08:00:00'));
    const personId = await addPerson(p.db, '99130', 'Ông Văn Một');
    const started = await managed(personId, 'ca.xa1', 'ubnd.xa1', '2026-03-02');
    expect(await p.app.engine.getVariables(started.instanceId)).toMatchObject({ managementEnd: '2027-03-02' });
    expect((await person(personId)).status).toBe('illegal_user_managed');
    // when the first monthly check finds reuse: determination (group a) by the commune police + health facility
    p.clock.set(vn('2026-04-02T08:00:01'));
    await p.app.workflowRuntime.drain();
    await http.cannotSee('ca.xa2', started.instanceId, 'Task_MonthlyCheck');
    await http.complete('ca.xa1', started.instanceId, 'Task_MonthlyCheck', { reuseDetected: true });
    await http.complete('ca.xa1', started.instanceId, 'Task_PrepareRequest', { custody: 'not_in_custody', meetingPlace: 'facility' });
    await http.complete('ca.xa1', started.instanceId, 'Task_SummaryCv');
    await http.complete('ca.xa1', started.instanceId, 'Task_BringPerson');
    await http.cannotSee('ca.xa1', started.instanceId, 'Task_ReceivePerson');
    await http.complete('yte.tinh', started.instanceId, 'Task_ReceivePerson', { receivedAt: vn('2026-04-03T09:00:00') });
    await http.complete('yte.tinh', started.instanceId, 'Task_Examine', { criterion1: true, criterion2: false, criterion3: false, criterion4: false, criterion5: false, criterion6: false });
    await http.complete('yte.tinh', started.instanceId, 'Task_ResultSheet', { conclusion: 'khong_nghien' });
    // then "not addicted": the commune chairman issues a new decision (fresh 1-year term, ND105 Art 43), D3: 3 wd
    p.clock.set(vn('2026-04-03T10:00:00'));
    expect((await p.driver.openTasks(started.instanceId)).map((t) => t.element_id)).toEqual(['Task_ManagementDecision']);
    await http.complete('ubnd.xa1', started.instanceId, 'Task_ManagementDecision', { managementStart: '2026-04-03' });
    expect(await p.app.engine.getVariables(started.instanceId)).toMatchObject({ managementEnd: '2027-04-03', conclusion: 'khong_nghien' });
    // when the monthly checks go on until just before the new term ends (not the first term's end)
    p.clock.set(vn('2027-04-02T08:00:00'));
    await p.app.workflowRuntime.drain();
    expect(await monthlyChecks(started.instanceId, 'ca.xa1')).toBeGreaterThanOrEqual(1);
    expect((await p.driver.openTasks(started.instanceId)).map((t) => t.element_id)).toEqual([]);
    // then on Saturday 03/04/2027 the term ends: the end decision Mẫu 10 within 3 working days (Mon–Wed)
    p.clock.set(vn('2027-04-03T08:00:01'));
    await p.app.workflowRuntime.drain();
    await monthlyChecks(started.instanceId, 'ca.xa1');
    expect(await due(started.instanceId, 'Task_EndDecision')).toEqual(new Date(vn('2027-04-07T08:00:01')));
    await http.cannotSee('ubnd.xa2', started.instanceId, 'Task_EndDecision');
    await http.complete('ubnd.xa1', started.instanceId, 'Task_EndDecision', { managementEnd: '2027-04-03' });
    // the ordered history: decision, reuse → determination (called) → new decision, term, end
    const steps = tasksOf(await elementPath(p.app, started.instanceId, meaningful));
    const main = steps.filter((s) => ['Task_ManagementDecision', 'Task_MonthlyCheck', 'Boundary_Reuse', 'Call_Determination', 'Task_ResultSheet', 'Timer_ManagementTerm', 'Task_EndDecision', 'Status_Closed', 'End_Completed'].includes(s));
    expect(main).toEqual([
      'Task_ManagementDecision', 'Task_MonthlyCheck', 'Boundary_Reuse', 'Task_ResultSheet', 'Call_Determination', 'Task_ManagementDecision',
      ...Array<string>(11).fill('Task_MonthlyCheck'), // 03/05/2026 … 03/03/2027 (cycle from the new decision)
      'Timer_ManagementTerm', 'Task_EndDecision', 'Status_Closed', 'End_Completed',
    ]);
    expect((await person(personId)).status).toBe('closed');
    expect((await caseRow(started.caseId)).status).toBe('closed');
  }, 120_000);

  it('D33: the person moves away — Mẫu 08 within 5 wd by the old commune, the new commune takes the file, the old one loses it', async () => {
    // given management in xã Sông Xanh (99130) since 02/03/2026
    p.clock.set(vn('2026-03-02T08:00:00'));
    const personId = await addPerson(p.db, '99130', 'Ông Văn Hai');
    const started = await managed(personId, 'ca.xa1', 'ubnd.xa1', '2026-03-02');
    // when the person moves on Thursday 05/03/2026
    p.clock.set(vn('2026-03-05T08:00:00'));
    await p.app.engine.correlateMessage({ name: 'PersonMoved', correlationKey: personId });
    await p.app.workflowRuntime.drain();
    // then the old commune's chairman sends the file within 5 working days (Thu → next Thu), nobody else
    expect(await due(started.instanceId, 'Task_TransferFile')).toEqual(new Date(vn('2026-03-12T08:00:00')));
    await http.cannotSee('ubnd.xa3', started.instanceId, 'Task_TransferFile');
    await http.complete('ubnd.xa1', started.instanceId, 'Task_TransferFile', { newCommuneCode: '99230', departureDate: '2026-03-05', remainingUntil: '2027-03-02' });
    expect(tasksOf(await elementPath(p.app, started.instanceId, meaningful))).toEqual([
      'Task_VerifyResidence', 'Task_UseNotice', 'Task_ManagementDecision', 'Status_Managed',
      'Task_TransferFile', 'Boundary_Moved', 'Service_TransferCase', 'End_Transferred',
    ]);
    expect(await person(personId)).toMatchObject({ commune_code: '99230', scope: '/99/99230/', status: 'illegal_user_managed' });
    expect(await caseRow(started.caseId)).toMatchObject({ status: 'closed' });
    // the new commune's case: its chairman accepts the file with the remaining term (ND105 Art 43)
    const next = await p.db.selectFrom('rehab_case').select(['id', 'instance_id', 'scope', 'status']).where('person_id', '=', personId)
      .where('procedure_key', '=', 'illegal-user-management').where('id', '!=', started.caseId).executeTakeFirstOrThrow();
    expect(next).toMatchObject({ scope: '/99/99230/', status: 'open' });
    expect((await p.driver.openTask(next.instance_id!, 'Task_AcceptTransfer')).candidate_groups).toEqual(['people_committee:99230']);
    await http.cannotSee('ubnd.xa1', next.instance_id!, 'Task_AcceptTransfer');
    await http.complete('ubnd.xa3', next.instance_id!, 'Task_AcceptTransfer', { fromCommuneCode: '99130', managementEnd: '2027-03-02' });
    // and the monthly checks are now the new commune police's: the old police neither see nor claim them
    p.clock.set(vn('2026-04-06T08:00:01'));
    await p.app.workflowRuntime.drain();
    await http.cannotSee('ca.xa1', next.instance_id!, 'Task_MonthlyCheck');
    await http.complete('ca.xa3', next.instance_id!, 'Task_MonthlyCheck', { reuseDetected: false });
    expect((await http.taskList('ca.xa1')).filter((t) => t.instance_id === next.instance_id || t.instance_id === started.instanceId)).toEqual([]);
    expect(tasksOf(await elementPath(p.app, next.instance_id!, meaningful)).slice(0, 2)).toEqual(['Task_AcceptTransfer', 'Task_MonthlyCheck']);
  }, 90_000);
});
