import { beforeAll, describe, expect, it } from 'vitest';
import type { HttpDriver } from './support/http-driver';
import { meaningful, vn } from './support/paths';
import { addPerson, elementPath, type ScenarioPlatform } from './support/scenario-platform';
import { scenarioSuite } from './support/scenario-suite';

const suite = scenarioSuite(vn('2026-02-02T08:00:00'));
let p: ScenarioPlatform;
let http: HttpDriver;
beforeAll(() => { ({ p, http } = suite); });

const due = async (instanceId: string, elementId: string) => (await p.driver.openTask(instanceId, elementId)).due_at;
const steps = async (instanceId: string) => (await elementPath(p.app, instanceId, meaningful)).filter((s) => /^(Task_|Catch_|Receive_|Status_|Service_|End_|Boundary_|Call_|Timer_)/.test(s));
const publish = async (name: string, personId: string) => {
  await p.app.engine.correlateMessage({ name, correlationKey: personId });
  await p.app.workflowRuntime.drain();
};
const casesOf = (personId: string, procedureKey: string) =>
  p.db.selectFrom('rehab_case').select(['id', 'instance_id', 'scope', 'status']).where('person_id', '=', personId).where('procedure_key', '=', procedureKey).execute();

/** Registration → appraisal → decision Mẫu 24 by the commune's committee and police. */
async function decided(personId: string, committee: string, police: string, treatmentType = 'voluntary_community') {
  const started = await p.start({ procedureKey: 'voluntary-registration', personId, startEventId: 'Start_Direct', variables: { treatmentType } });
  await http.complete(committee, started.instanceId, 'Task_ReceiveRegistration', { treatmentType });
  await http.complete(police, started.instanceId, 'Task_Appraise');
  await http.complete(committee, started.instanceId, 'Task_TreatmentDecision', { treatmentType });
  return started;
}

describe('voluntary rehab (D10, move) and post-rehab relapse "not addicted"', () => {
  it('D10 + move: the provider\'s start notice, the old commune sends Mẫu 25 (5 wd), the new commune issues Mẫu 26a after the completion notice (5 wd over Tết)', async () => {
    // given a decision in xã Sông Xanh (99130) on Monday 02/02/2026
    p.clock.set(vn('2026-02-02T08:00:00'));
    const personId = await addPerson(p.db, '99130', 'Bà Thị Ba');
    const started = await decided(personId, 'ubnd.xa1', 'ca.xa1');
    // when the provider notifies the start (D10) within the 5 working days of D9
    p.clock.set(vn('2026-02-04T08:00:00'));
    await publish('TreatmentStarted', personId);
    // and the person moves to xã Bến Đò (99160) on Thursday 05/02
    p.clock.set(vn('2026-02-05T08:00:00'));
    await publish('PersonMoved', personId);
    // then the old commune's committee transfers the file (Mẫu 25) within 5 working days; the new one cannot see it yet
    expect(await due(started.instanceId, 'Task_TransferVoluntary')).toEqual(new Date(vn('2026-02-12T08:00:00')));
    await http.cannotSee('ubnd.xa2', started.instanceId, 'Task_TransferVoluntary');
    await http.complete('ubnd.xa1', started.instanceId, 'Task_TransferVoluntary', { newCommuneCode: '99160', departureDate: '2026-02-05' });
    expect(await p.db.selectFrom('person').select(['commune_code', 'scope']).where('id', '=', personId).executeTakeFirstOrThrow())
      .toEqual({ commune_code: '99160', scope: '/99/99160/' });
    expect((await casesOf(personId, 'voluntary-registration'))[0]).toMatchObject({ scope: '/99/99160/', status: 'open' });
    // when the provider notifies completion on Wednesday 11/02 (D10)
    p.clock.set(vn('2026-02-11T08:00:00'));
    await publish('TreatmentCompleted', personId);
    // then the certificate is the new commune's: 5 working days skip Tết 2026 (14–22/02) → Wednesday 25/02
    const certificate = await p.driver.openTask(started.instanceId, 'Task_CompletionCertificate');
    expect(certificate.candidate_groups).toEqual(['people_committee:99160']);
    expect(certificate.due_at).toEqual(new Date(vn('2026-02-25T08:00:00')));
    await http.cannotSee('ubnd.xa1', started.instanceId, 'Task_CompletionCertificate');
    await http.complete('ubnd.xa2', started.instanceId, 'Task_CompletionCertificate');
    expect(await steps(started.instanceId)).toEqual([
      'Task_ReceiveRegistration', 'Task_Appraise', 'Task_TreatmentDecision', 'Status_Treatment', 'Catch_TreatmentStarted',
      'Task_TransferVoluntary', 'Service_TransferCase', 'End_Moved', 'Receive_Completed', 'End_Treatment', 'Task_CompletionCertificate', 'End_Completed',
    ]);
    // and post-rehab management (1 year, VOLUNTARY) opens in the new commune for its police only
    const [post] = await casesOf(personId, 'post-rehab-supervision');
    expect(post).toMatchObject({ scope: '/99/99160/', status: 'open' });
    expect(await p.app.engine.getVariables(post.instance_id!)).toMatchObject({ sourceType: 'VOLUNTARY', communeCode: '99160' });
    await http.cannotSee('ca.xa1', post.instance_id!, 'Task_ReceiveReport');
    expect((await http.taskList('ca.xa2')).map((t) => t.instance_id)).toContain(post.instance_id);
  }, 90_000);

  it('quitting methadone (D10 quit notice) → Mẫu 27 by the commune police → compulsory dossier (METHADONE_BREACH, D11)', async () => {
    p.clock.set(vn('2026-03-02T08:00:00'));
    const personId = await addPerson(p.db, '99230', 'Bà Thị Bốn');
    const started = await decided(personId, 'ubnd.xa3', 'ca.xa3', 'methadone');
    await publish('TreatmentStarted', personId);
    expect((await p.db.selectFrom('person').select('status').where('id', '=', personId).executeTakeFirstOrThrow()).status).toBe('methadone');
    // when the facility notifies that the person quit (Tuesday 03/03)
    p.clock.set(vn('2026-03-03T08:00:00'));
    await publish('TreatmentQuit', personId);
    // then the commune police record the violation within 1 working day; other communes cannot
    expect(await due(started.instanceId, 'Task_ViolationRecord')).toEqual(new Date(vn('2026-03-04T08:00:00')));
    await http.cannotSee('ca.xa1', started.instanceId, 'Task_ViolationRecord');
    await http.complete('ca.xa3', started.instanceId, 'Task_ViolationRecord', { violationType: 'METHADONE_BREACH' });
    expect((await steps(started.instanceId)).slice(-4)).toEqual(['Catch_TreatmentStarted', 'Boundary_Quit', 'Task_ViolationRecord', 'End_Violation']);
    const [dossier] = await casesOf(personId, 'compulsory-dossier');
    expect(await p.app.engine.getVariables(dossier.instance_id!)).toMatchObject({ triggerType: 'METHADONE_BREACH', ruleset: '2025' });
    const open = await p.driver.openTask(dossier.instance_id!, 'Task_OpenDossier');
    expect(open.candidate_groups).toEqual(['police:99230']); // 2025: the chief of commune police prepares
    expect(open.due_at).toEqual(new Date(vn('2026-03-10T08:00:00'))); // D11: 5 wd from Tue 03/03
    expect((await casesOf(personId, 'voluntary-registration'))[0].status).toBe('closed');
  }, 90_000);

  it('post-rehab: a positive ad-hoc test → determination (group d) finds "not addicted" → management continues, no dossier', async () => {
    // given post-rehab management in xã Bến Đò (99160) decided on 02/03/2026
    p.clock.set(vn('2026-03-02T08:00:00'));
    const personId = await addPerson(p.db, '99160', 'Ông Văn Năm');
    const started = await p.start({ procedureKey: 'post-rehab-supervision', personId, startEventId: 'Start_Completed', variables: { isMinor: false, sourceType: 'COMPULSORY_ADULT', testCycle: 'R/P3M' } });
    await http.complete('ca.xa2', started.instanceId, 'Task_ReceiveReport', { sourceType: 'COMPULSORY_ADULT' });
    await http.complete('ca.xa2', started.instanceId, 'Task_OpenFile');
    await http.complete('ubnd.xa2', started.instanceId, 'Task_PostRehabDecision', { sourceType: 'COMPULSORY_ADULT', termStart: '2026-03-02' });
    const termEnd = ((await p.app.engine.getVariables(started.instanceId)) as { termEnd?: string }).termEnd;
    expect(termEnd).toBe('2028-03-02'); // D34: 2 years for an adult leaving compulsory rehab
    // when an ad-hoc test is positive
    p.clock.set(vn('2026-03-10T08:00:00'));
    await publish('AdhocTestOrdered', personId);
    await http.cannotSee('ca.xa1', started.instanceId, 'Task_AdhocTest');
    await http.complete('ca.xa2', started.instanceId, 'Task_AdhocTest', { testResult: 'positive' });
    // then the commune police request a determination, the facility finds "not addicted"
    await http.complete('ca.xa2', started.instanceId, 'Task_PrepareRequest', { custody: 'not_in_custody', meetingPlace: 'facility' });
    await http.complete('ca.xa2', started.instanceId, 'Task_SummaryCv');
    await http.complete('ca.xa2', started.instanceId, 'Task_BringPerson');
    await http.complete('yte.tinh', started.instanceId, 'Task_ReceivePerson', { receivedAt: vn('2026-03-10T10:00:00') });
    await http.complete('yte.tinh', started.instanceId, 'Task_Examine', { criterion1: true, criterion2: false, criterion3: false, criterion4: false, criterion5: false, criterion6: false });
    await http.complete('yte.tinh', started.instanceId, 'Task_ResultSheet', { conclusion: 'khong_nghien' });
    // (setting notAddictedDuringPostRehab = continue_post_rehab): back under management with the same term, no new case
    const history = await steps(started.instanceId);
    expect(history.slice(history.indexOf('Task_AdhocTest'))).toEqual([
      'Task_AdhocTest', 'Boundary_Relapse', 'Task_PrepareRequest', 'Task_SummaryCv', 'Task_BringPerson', 'Task_ReceivePerson',
      'Task_Examine', 'Task_ResultSheet', 'End_Determination', 'End_NotAddicted', 'Call_Determination',
    ]);
    expect(await casesOf(personId, 'compulsory-dossier')).toEqual([]);
    expect(await p.app.engine.getVariables(started.instanceId)).toMatchObject({ termEnd: '2028-03-02', conclusion: 'khong_nghien' });
    expect((await p.db.selectFrom('person').select('status').where('id', '=', personId).executeTakeFirstOrThrow()).status).toBe('post_rehab');
    // and the next periodic test (3-monthly from the re-entry) is the commune police's again
    p.clock.set(vn('2026-06-10T12:00:00'));
    await p.app.workflowRuntime.drain();
    await http.complete('ca.xa2', started.instanceId, 'Task_PeriodicTest', { testResult: 'negative' });
    expect((await casesOf(personId, 'post-rehab-supervision'))[0].status).toBe('open');
  }, 90_000);
});
