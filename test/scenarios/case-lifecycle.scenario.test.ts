import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HttpDriver } from './support/http-driver';
import { vn } from './support/paths';
import { addPerson, type ScenarioPlatform } from './support/scenario-platform';
import { scenarioSuite } from './support/scenario-suite';

const suite = scenarioSuite(vn('2026-03-02T08:00:00'));
let p: ScenarioPlatform;
let http: HttpDriver;
beforeAll(() => { ({ p, http } = suite); });

interface StatusEntry { status: string; from: string; to?: string; caseId?: string; note?: string }

const caseRow = (id: string) => p.db.selectFrom('rehab_case').select(['id', 'code', 'status', 'closed_at', 'instance_id']).where('id', '=', id).executeTakeFirstOrThrow();
const instanceRow = async (id: string) =>
  (await sql<{ state: string; ended_at: Date | null }>`SELECT state, ended_at FROM process_instance WHERE id = ${id}`.execute(p.db)).rows[0];
const personRow = async (id: string) => {
  const row = await p.db.selectFrom('person').select(['status', 'statuses']).where('id', '=', id).executeTakeFirstOrThrow();
  return { status: row.status, statuses: row.statuses as StatusEntry[] };
};
const withStatus = async (personId: string, status: string, from: string) => {
  await p.db.updateTable('person').set({ status, statuses: JSON.stringify([{ status, from }]) }).where('id', '=', personId).execute();
};

/** Court decision up to the session (regional court area 1, 2025 ruleset). */
async function toDecision(personId: string, decisionType: string) {
  const started = await p.start({ procedureKey: 'court-decision', personId, startEventId: 'Start_Filed', variables: { isMinor: false } });
  await http.complete('toa.khuvuc1', started.instanceId, 'Task_ReceiveDossier', { dossierComplete: true });
  await http.complete('toa.khuvuc1.thamphan', started.instanceId, 'Task_AcceptAssignJudge', { acceptedAt: p.clock.now().toISOString() });
  await http.complete('toa.khuvuc1', started.instanceId, 'Task_StudyFile', { needsClarification: false, extended: false });
  await http.complete('toa.khuvuc1', started.instanceId, 'Task_Session', { decisionType, termMonths: 12 });
  await http.complete('toa.khuvuc1', started.instanceId, 'Task_IssueDecision');
  return started;
}

describe('a case ends with its procedure (rehab_case.status, closed_at, person status)', () => {
  it('should close the case in the transaction that ends the instance and close the person\'s status when no case is left ("not apply")', async () => {
    // given a person under interim management whose dossier is with the regional court
    p.clock.set(vn('2026-03-02T08:00:00'));
    const personId = await addPerson(p.db, '99130', 'Phí Văn Kết');
    await withStatus(personId, 'interim_management', '2026-02-20');
    const started = await toDecision(personId, 'not_apply');
    expect((await caseRow(started.caseId)).status).toBe('open');
    // when the complaint window (D21: 3 wd) passes without a complaint
    p.clock.set(vn('2026-03-05T08:00:01'));
    await p.app.workflowRuntime.drain();
    // then the instance completed and the case closed at the very same instant (same transaction)
    const instance = await instanceRow(started.instanceId);
    expect(instance.state).toBe('completed');
    const closed = await caseRow(started.caseId);
    expect(closed.status).toBe('closed');
    expect(closed.closed_at).toEqual(instance.ended_at);
    // the case API shows it closed to the commune police
    const shown = await http.get('ca.xa1', `/api/cases/${started.caseId}`);
    expect(shown.json()).toMatchObject({ status: 'closed', closed_at: instance.ended_at?.toISOString() });
    // and the person's interim management ends: a "closed" entry naming the case
    const person = await personRow(personId);
    expect(person.status).toBe('closed');
    expect(person.statuses).toEqual([
      { status: 'interim_management', from: '2026-02-20', to: '2026-03-05' },
      { status: 'closed', from: '2026-03-05', caseId: started.caseId, note: `hồ sơ ${closed.code} kết thúc` },
    ]);
    // and the court's email.send tasks used their own mail templates (vi for the demo users)
    const mails = await p.db.selectFrom('mail_log').select(['template', 'subject', 'recipient']).where('subject', 'like', `%${closed.code}%`).execute();
    expect(new Set(mails.map((m) => m.template))).toEqual(new Set(['court.accepted', 'court.decision', 'court.not-applied']));
    expect(mails.find((m) => m.template === 'court.not-applied')?.subject).toBe(`[Quy Trình] Tòa án không áp dụng biện pháp / đình chỉ – hồ sơ ${closed.code}`);
    // the decision reaches the procuracy and the proposing agency (2025: commune police) by mail
    const decisionTo = mails.filter((m) => m.template === 'court.decision').map((m) => m.recipient);
    expect(decisionTo).toEqual(expect.arrayContaining(['vks.tinh@demo.quytrinh.example.vn', 'ca.xa1@demo.quytrinh.example.vn']));
  }, 90_000);

  it('should close the case on a handover but keep the person\'s status while the next case runs ("apply" → escort)', async () => {
    p.clock.set(vn('2026-03-09T08:00:00'));
    const personId = await addPerson(p.db, '99130', 'Phí Văn Tiếp');
    await withStatus(personId, 'interim_management', '2026-02-20');
    const started = await toDecision(personId, 'apply');
    p.clock.set(vn('2026-03-12T08:00:01'));
    await p.app.workflowRuntime.drain();
    expect((await caseRow(started.caseId)).status).toBe('closed');
    const escort = await p.db.selectFrom('rehab_case').select(['id', 'status', 'closed_at']).where('person_id', '=', personId)
      .where('procedure_key', '=', 'escort-admission').executeTakeFirstOrThrow();
    expect(escort).toMatchObject({ status: 'open', closed_at: null });
    expect(await personRow(personId)).toEqual({ status: 'interim_management', statuses: [{ status: 'interim_management', from: '2026-02-20' }] });
  }, 90_000);

  it('should mark a case cancelled by an admin "cancelled" and record it in the person\'s statuses', async () => {
    p.clock.set(vn('2026-03-16T08:00:00'));
    const personId = await addPerson(p.db, '99160', 'Phí Văn Hủy');
    await withStatus(personId, 'illegal_user_managed', '2026-03-01');
    const started = await p.start({ procedureKey: 'illegal-user-management', personId });
    // when the provincial admin cancels the instance over the API
    p.clock.set(vn('2026-03-16T10:00:00'));
    const cancel = await http.post('admin', `/api/instances/${started.instanceId}/cancel`);
    expect(cancel.statusCode, cancel.body).toBe(200);
    // then
    const instance = await instanceRow(started.instanceId);
    expect(instance.state).toBe('cancelled');
    const cancelled = await caseRow(started.caseId);
    expect(cancelled).toMatchObject({ status: 'cancelled', closed_at: instance.ended_at });
    const person = await personRow(personId);
    expect(person.status).toBe('closed');
    expect(person.statuses.at(-1)).toEqual({ status: 'closed', from: '2026-03-16', caseId: started.caseId, note: `hồ sơ ${cancelled.code} bị hủy` });
    expect(person.statuses[0].to).toBe('2026-03-16');
    // and nobody sees the cancelled case's task any more
    expect((await http.taskList('ca.xa2')).filter((t) => t.instance_id === started.instanceId)).toEqual([]);
  }, 90_000);

  it('should close a case linked to an instance that already ended in its start command', async () => {
    // given an instance that ran to its end while starting (a process with no wait state)
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  <bpmn:process id="lifecycle-instant" isExecutable="true">
    <bpmn:startEvent id="S"/><bpmn:sequenceFlow id="f" sourceRef="S" targetRef="E"/><bpmn:endEvent id="E"/>
  </bpmn:process>
</bpmn:definitions>`;
    await p.app.engine.deploy({ xml });
    const personId = await addPerson(p.db, '99130', 'Phí Văn Nhanh');
    const started = await p.app.engine.startInstance({ definitionKey: 'lifecycle-instant' });
    const created = await p.db.insertInto('rehab_case').values({
      code: `HS-TEST-${started.instanceId.slice(0, 6)}`, person_id: personId, procedure_key: 'lifecycle-instant', title: 'instant', scope: '/99/99130/',
      data: '{}', medical: null, created_by: null, created_at: p.clock.now(), updated_at: p.clock.now(),
    }).returning('id').executeTakeFirstOrThrow();
    // when the case is linked to it
    await p.db.updateTable('rehab_case').set({ instance_id: started.instanceId }).where('id', '=', created.id).execute();
    // then it is closed with the instance's end
    const instance = await instanceRow(started.instanceId);
    expect(await caseRow(created.id)).toMatchObject({ status: 'closed', closed_at: instance.ended_at });
    // a person without any status keeps none
    expect((await personRow(personId)).status).toBeNull();
  }, 90_000);
});
