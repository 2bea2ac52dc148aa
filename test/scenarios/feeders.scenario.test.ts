import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpDriver } from './support/http-driver';
import { demoPerson, meaningful, vn } from './support/paths';
import { createScenarioPlatform, elementPath, type ScenarioPlatform } from './support/scenario-platform';

let p: ScenarioPlatform;
let http: HttpDriver;
beforeAll(async () => {
  p = await createScenarioPlatform(vn('2026-02-09T08:00:00'));
  http = new HttpDriver(p);
}, 60_000);
afterAll(async () => p?.destroy());

const path = async (instanceId: string) => elementPath(p.app, instanceId, meaningful);
const due = async (instanceId: string, elementId: string) => (await p.driver.openTask(instanceId, elementId)).due_at;
const caseOf = (personId: string, procedureKey: string) =>
  p.db.selectFrom('rehab_case').selectAll().where('person_id', '=', personId).where('procedure_key', '=', procedureKey).orderBy('created_at', 'desc').executeTakeFirstOrThrow();

describe('feeders: illegal-user management and voluntary rehab / methadone', () => {
  it('illegal user without stable residence (remote area): D1 = 10 wd over Tết, determination requested, management decision', async () => {
    p.clock.set(vn('2026-02-09T08:00:00'));
    const started = await p.start({ procedureKey: 'illegal-user-management', personId: demoPerson(2), variables: { remoteArea: true } });
    // D1: 10 working days in remote areas: 10–13/02, then after Tết 23–27/02 and 02/03
    expect(await due(started.instanceId, 'Task_VerifyResidence')).toEqual(new Date(vn('2026-03-02T08:00:00')));
    await http.cannotSee('ca.xa2', started.instanceId, 'Task_VerifyResidence');
    await http.complete('ca.xa1', started.instanceId, 'Task_VerifyResidence', { stableResidence: false, residenceCommuneCode: '99130' });
    // no stable residence → addiction determination (L73 Art 27(1)(b)) opens as its own case
    const determination = await caseOf(demoPerson(2), 'addiction-determination');
    expect(determination.data).toMatchObject({ previousCaseId: started.caseId, message: 'DeterminationRequested' });
    expect((await p.driver.openTasks(determination.instance_id!)).map((t) => t.element_id)).toEqual(['Task_PrepareRequest']);
    await http.complete('ca.xa1', started.instanceId, 'Task_UseNotice');
    expect(await due(started.instanceId, 'Task_ManagementDecision')).toEqual(new Date(vn('2026-02-12T08:00:00'))); // D3: 3 wd
    await http.complete('ubnd.xa1', started.instanceId, 'Task_ManagementDecision', { managementStart: '2026-02-09', managementEnd: '2027-02-09' });
    expect((await p.db.selectFrom('person').select('status').where('id', '=', demoPerson(2)).executeTakeFirstOrThrow()).status).toBe('illegal_user_managed');
    // the monthly residence check (cycle R/P1M)
    p.clock.set(vn('2026-03-09T08:00:01'));
    await p.app.workflowRuntime.drain();
    await http.complete('ca.xa1', started.instanceId, 'Task_MonthlyCheck', { reuseDetected: false });
    expect((await path(started.instanceId)).filter((s) => s.startsWith('Task_') || s.startsWith('Throw_'))).toEqual([
      'Task_VerifyResidence', 'Throw_DeterminationRequested', 'Task_UseNotice', 'Task_ManagementDecision', 'Task_MonthlyCheck',
    ]);
  });

  it('voluntary rehab not started within D9 → Mẫu 27 → compulsory dossier; Mẫu 24 and 27 printable', async () => {
    p.clock.set(vn('2026-02-09T08:00:00'));
    const started = await p.start({ procedureKey: 'voluntary-registration', personId: demoPerson(28), startEventId: 'Start_Direct', variables: { treatmentType: 'voluntary_community' } });
    await http.complete('ubnd.xa2', started.instanceId, 'Task_ReceiveRegistration', { treatmentType: 'voluntary_community' });
    await http.complete('ca.xa2', started.instanceId, 'Task_Appraise');
    expect(await due(started.instanceId, 'Task_TreatmentDecision')).toEqual(new Date(vn('2026-02-12T08:00:00'))); // D8: 3 wd
    await http.complete('ubnd.xa2', started.instanceId, 'Task_TreatmentDecision', { treatmentType: 'voluntary_community' });
    // D9: not started within 5 working days of the decision (10, 11, 12, 13/02, Tết, 23/02) → violation
    p.clock.set(vn('2026-02-20T08:00:00'));
    await p.app.workflowRuntime.drain();
    expect(await p.driver.openTasks(started.instanceId)).toEqual([]);
    p.clock.set(vn('2026-02-23T08:00:01'));
    await p.app.workflowRuntime.drain();
    await http.complete('ca.xa2', started.instanceId, 'Task_ViolationRecord', { violationType: 'NOT_PERFORMED' });
    expect((await path(started.instanceId)).filter((s) => /^(Task_|Timer_|End_|Status_)/.test(s))).toEqual([
      'Task_ReceiveRegistration', 'Task_Appraise', 'Task_TreatmentDecision', 'Status_Treatment', 'Timer_NotStarted', 'Task_ViolationRecord', 'End_Violation',
    ]);
    const dossier = await caseOf(demoPerson(28), 'compulsory-dossier');
    expect((await p.app.engine.getVariables(dossier.instance_id!)) as Record<string, unknown>).toMatchObject({ triggerType: 'NOT_PERFORMED' });
    for (const mau of ['24', '27']) expect((await http.get('ubnd.xa2', `/api/cases/${started.caseId}/documents/${mau}.pdf`)).statusCode).toBe(200);
  });

  it('methadone completed → post-rehab; the person moves (case.transfer, Mẫu 53) and the new commune finishes with Mẫu 54', async () => {
    p.clock.set(vn('2026-03-02T08:00:00'));
    const person = demoPerson(8); // xã Sông Xanh (99130)
    const started = await p.start({ procedureKey: 'voluntary-registration', personId: person, startEventId: 'Start_Direct', variables: { treatmentType: 'methadone' } });
    await http.complete('ubnd.xa1', started.instanceId, 'Task_ReceiveRegistration', { treatmentType: 'methadone' });
    await http.complete('ca.xa1', started.instanceId, 'Task_Appraise');
    await http.complete('ubnd.xa1', started.instanceId, 'Task_TreatmentDecision', { treatmentType: 'methadone' });
    for (const name of ['TreatmentStarted', 'TreatmentCompleted']) {
      await p.app.engine.correlateMessage({ name, correlationKey: person });
      await p.app.workflowRuntime.drain();
    }
    await http.complete('ubnd.xa1', started.instanceId, 'Task_CompletionCertificate', { certificateForm: 'methadone' });
    const post = await caseOf(person, 'post-rehab-supervision');
    expect((await p.app.engine.getVariables(post.instance_id!)) as Record<string, unknown>).toMatchObject({ sourceType: 'METHADONE' });
    await http.complete('ca.xa1', post.instance_id!, 'Task_ReceiveReport', { sourceType: 'METHADONE' });
    await http.complete('ca.xa1', post.instance_id!, 'Task_OpenFile');
    await http.complete('ubnd.xa1', post.instance_id!, 'Task_PostRehabDecision', { sourceType: 'METHADONE', termStart: '2026-03-02' });

    // the person moves to xã Núi Đá (99230): notice Mẫu 53 within 5 wd (D33), the file follows
    await p.app.engine.correlateMessage({ name: 'PersonMoved', correlationKey: person });
    await p.app.workflowRuntime.drain();
    expect(await due(post.instance_id!, 'Task_MoveNotice')).toEqual(new Date(vn('2026-03-09T08:00:00')));
    await http.complete('ca.xa1', post.instance_id!, 'Task_MoveNotice', { newCommuneCode: '99230', remainingTermEnd: '2027-03-02' });
    const moved = await p.db.selectFrom('person').select(['commune_code', 'scope']).where('id', '=', person).executeTakeFirstOrThrow();
    expect(moved).toEqual({ commune_code: '99230', scope: '/99/99230/' });
    expect((await path(post.instance_id!)).slice(-5)).toEqual(['Start_Move', 'Task_MoveNotice', 'Boundary_Moved', 'Service_TransferCase', 'End_Transferred']);
    const next = await p.db.selectFrom('rehab_case').selectAll().where('person_id', '=', person)
      .where(sql<boolean>`data->>'message' = 'PostRehabFileTransferred'`).executeTakeFirstOrThrow();
    expect(next.data).toMatchObject({ previousCaseId: post.id });
    expect(next.id).not.toBe(post.id);
    expect(next.scope).toBe('/99/99230/');
    await http.cannotSee('ca.xa1', next.instance_id!, 'Task_AcceptTransfer');
    await http.complete('ca.xa3', next.instance_id!, 'Task_AcceptTransfer', { fromCommuneCode: '99130', termEnd: '2027-03-02' });
    // the term ends: certificate Mẫu 54 by the new commune, status closed
    p.clock.set(vn('2027-03-02T08:00:01'));
    await p.app.workflowRuntime.drain();
    // periodic tests that came due on the way (cycle R/P3M) are done by the new commune's police
    while ((await p.driver.openTasks(next.instance_id!)).some((t) => t.element_id === 'Task_PeriodicTest')) {
      await http.complete('ca.xa3', next.instance_id!, 'Task_PeriodicTest', { testResult: 'negative' });
    }
    await http.complete('ubnd.xa3', next.instance_id!, 'Task_Completion', { termStart: '2026-03-02', termEnd: '2027-03-02' });
    expect((await p.db.selectFrom('person').select('status').where('id', '=', person).executeTakeFirstOrThrow()).status).toBe('closed');
    expect((await http.get('ubnd.xa3', `/api/cases/${next.id}/documents/54.pdf`)).statusCode).toBe(200);
    expect([403, 404]).toContain((await http.get('ubnd.xa1', `/api/cases/${next.id}/documents/54.pdf`)).statusCode);
  });
});
