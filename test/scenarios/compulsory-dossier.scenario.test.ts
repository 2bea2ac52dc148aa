import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpDriver } from './support/http-driver';
import { demoPerson, meaningful, vn } from './support/paths';
import { addPerson, createScenarioPlatform, elementPath, type ScenarioPlatform } from './support/scenario-platform';

let p: ScenarioPlatform;
let http: HttpDriver;
beforeAll(async () => {
  p = await createScenarioPlatform(vn('2026-02-09T08:00:00'));
  http = new HttpDriver(p);
}, 60_000);
afterAll(async () => p?.destroy());

const path = async (instanceId: string) => elementPath(p.app, instanceId, meaningful);
const due = async (instanceId: string, elementId: string) => (await p.driver.openTask(instanceId, elementId)).due_at;
const courtCase = (personId: string) => p.db.selectFrom('rehab_case').selectAll().where('person_id', '=', personId).where('procedure_key', '=', 'court-decision').executeTakeFirstOrThrow();

/** The part both rulesets share, in order (family management, adult, stable residence). */
const SHARED_HEAD = ['Start_Detected', 'Task_OpenDossier', 'Task_VerifyResidence'];
const SHARED_TAIL = ['Task_Proposal', 'Task_Notice', 'Timer_ReadingPeriod', 'Task_SendDossier'];

describe('procedure 2 — compulsory-rehab dossier', () => {
  it('2025 ruleset: the commune police prepare, no labour-office step, straight to the regional court', async () => {
    // given an adult of xã Sông Xanh (99130) in February 2026
    p.clock.set(vn('2026-02-09T08:00:00'));
    const started = await p.start({ procedureKey: 'compulsory-dossier', personId: demoPerson(27), variables: { triggerType: 'NOT_REGISTERED', isMinor: false } });
    expect(started.context.ruleset).toBe('2025');
    const open = await p.driver.openTask(started.instanceId, 'Task_OpenDossier');
    expect(open.candidate_groups).toEqual(['police:99130']);
    // D11: 5 working days from Monday 09/02: 10, 11, 12, 13 and — after Tết — Monday 23/02
    expect(open.due_at).toEqual(new Date(vn('2026-02-23T08:00:00')));
    await http.cannotSee('ubnd.xa1', started.instanceId, 'Task_OpenDossier');
    await http.cannotSee('ca.xa2', started.instanceId, 'Task_OpenDossier');
    await http.complete('ca.xa1', started.instanceId, 'Task_OpenDossier', { triggerType: 'NOT_REGISTERED', isMinor: false });
    await http.complete('ca.xa1', started.instanceId, 'Task_VerifyResidence', { stableResidence: true, familyAgrees: true });
    await http.complete('ca.xa1', started.instanceId, 'Task_FamilyConsent');
    await http.complete('ca.xa1', started.instanceId, 'Task_InterimDecision', { interimMode: 'family' });
    expect((await p.db.selectFrom('person').select('status').where('id', '=', demoPerson(27)).executeTakeFirstOrThrow()).status).toBe('interim_management');
    expect((await p.driver.openTasks(started.instanceId)).map((t) => t.element_id).sort()).toEqual(['Task_CaseSummaryCv', 'Task_Statement']);
    await http.complete('ca.xa1', started.instanceId, 'Task_CaseSummaryCv');
    await http.complete('ca.xa1', started.instanceId, 'Task_Statement');
    await http.complete('ca.xa1', started.instanceId, 'Task_Proposal');
    // when the notice (Mẫu 32) is served on Wednesday 11/02/2026, the 3-working-day reading period (D12)
    // runs 12, 13 and — after Tết 14–22/02 — Monday 23/02; sending (D13) is due one working day later
    p.clock.set(vn('2026-02-11T08:00:00'));
    await http.complete('ca.xa1', started.instanceId, 'Task_Notice');
    p.clock.set(vn('2026-02-20T08:00:00'));
    await p.app.workflowRuntime.drain();
    expect(await p.driver.openTasks(started.instanceId)).toEqual([]);
    p.clock.set(vn('2026-02-23T08:00:00'));
    await p.app.workflowRuntime.drain();
    expect(await due(started.instanceId, 'Task_SendDossier')).toEqual(new Date(vn('2026-02-24T08:00:00')));
    await http.complete('ca.xa1', started.instanceId, 'Task_SendDossier');

    expect(await path(started.instanceId)).toEqual([
      ...SHARED_HEAD, 'Task_FamilyConsent', 'Task_InterimDecision', 'Status_Interim', 'Task_CaseSummaryCv', 'Task_Statement',
      ...SHARED_TAIL, 'Render_Dossier', 'End_Filed',
    ]);
    // the dossier bundle PDF is attached to the case; the court case starts at the regional court
    const dossier = await p.db.selectFrom('rehab_case').select('data').where('id', '=', started.caseId).executeTakeFirstOrThrow();
    expect(dossier.data).toHaveProperty(['documents', 'dossier.bundle']);
    const court = await courtCase(demoPerson(27));
    expect(court.data).toMatchObject({ previousCaseId: started.caseId, message: 'DossierFiledWithCourt' });
    const receive = await p.driver.openTask(court.instance_id!, 'Task_ReceiveDossier');
    expect(receive.candidate_groups).toEqual(['court:99-KV1']);
    await http.cannotSee('toa.khuvuc2', court.instance_id!, 'Task_ReceiveDossier');
    expect((await http.taskList('toa.khuvuc1')).map((t) => t.id)).toContain(receive.id);
  });

  it('2022 ruleset: the commune chairman prepares, the district labour office checks (return + supplement), district court', async () => {
    // given a minor with no stable residence on the 2022 map (xã Thị trấn Sông Xanh 99101, huyện 991), January 2025
    p.clock.set(vn('2025-01-20T08:00:00'));
    const personId = await addPerson(p.db, '99101', 'Lưu Văn Tâm', { dateOfBirth: '2009-05-01' });
    const started = await p.start({ procedureKey: 'compulsory-dossier', personId, variables: { triggerType: 'SELF_TERMINATED', isMinor: true } });
    expect(started.context).toMatchObject({ ruleset: '2022', communeCode: '99101', districtCode: '991', courtRegionCode: null });
    expect((await p.driver.openTask(started.instanceId, 'Task_OpenDossier')).candidate_groups).toEqual(['people_committee:99101']);
    await http.cannotSee('ca.cu.xa1', started.instanceId, 'Task_OpenDossier');
    await http.cannotSee('ubnd.cu.xa2', started.instanceId, 'Task_OpenDossier');
    await http.complete('ubnd.cu.xa1', started.instanceId, 'Task_OpenDossier', { triggerType: 'SELF_TERMINATED', isMinor: true });
    await http.complete('ca.cu.xa1', started.instanceId, 'Task_VerifyResidence', { stableResidence: false, familyAgrees: false });
    await http.complete('ubnd.cu.xa1', started.instanceId, 'Task_InterimDecision', { interimMode: 'facility' });
    await http.complete('trungtam', started.instanceId, 'Task_InterimHandover');
    expect((await p.driver.openTasks(started.instanceId)).map((t) => t.element_id).sort())
      .toEqual(['Task_CaseSummaryCv', 'Task_NoResidenceConfirmation', 'Task_ParentsOpinion', 'Task_Statement']);
    await http.complete('ca.cu.xa1', started.instanceId, 'Task_CaseSummaryCv');
    await http.complete('ca.cu.xa1', started.instanceId, 'Task_Statement');
    await http.complete('ubnd.cu.xa1', started.instanceId, 'Task_ParentsOpinion');
    await http.complete('ca.cu.xa1', started.instanceId, 'Task_NoResidenceConfirmation');
    await http.complete('ubnd.cu.xa1', started.instanceId, 'Task_Proposal');
    // when the notice is served on Thursday 23/01/2025, the reading period runs 24/01 and — after
    // Tết 25/01–02/02/2025 — 03/02 and 04/02 (D12), sending is due 05/02 (D13)
    p.clock.set(vn('2025-01-23T08:00:00'));
    await http.complete('ubnd.cu.xa1', started.instanceId, 'Task_Notice');
    p.clock.set(vn('2025-02-04T08:00:00'));
    await p.app.workflowRuntime.drain();
    expect(await due(started.instanceId, 'Task_SendDossier')).toEqual(new Date(vn('2025-02-05T08:00:00')));
    await http.complete('ubnd.cu.xa1', started.instanceId, 'Task_SendDossier');
    // the labour office of district 991 checks within 2 working days (D14) and returns it once (Mẫu 33)
    expect(await due(started.instanceId, 'Task_LabourCheck')).toEqual(new Date(vn('2025-02-06T08:00:00')));
    await http.cannotSee('ldtbxh.huyen2', started.instanceId, 'Task_LabourCheck');
    await http.complete('ldtbxh.huyen1', started.instanceId, 'Task_LabourCheck', { checkResult: 'returned' });
    await http.complete('ubnd.cu.xa1', started.instanceId, 'Task_Supplement');
    await http.complete('ldtbxh.huyen1', started.instanceId, 'Task_LabourCheck', { checkResult: 'valid' });

    const path2022 = await path(started.instanceId);
    expect(path2022).toEqual([
      ...SHARED_HEAD, 'Task_InterimDecision', 'Task_InterimHandover', 'Status_Interim',
      'Task_CaseSummaryCv', 'Task_Statement', 'Task_ParentsOpinion', 'Task_NoResidenceConfirmation',
      ...SHARED_TAIL, 'Task_LabourCheck', 'Task_Supplement', 'Task_LabourCheck', 'Render_Dossier', 'End_Filed',
    ]);
    const court = await courtCase(personId);
    expect((await p.driver.openTask(court.instance_id!, 'Task_ReceiveDossier')).candidate_groups).toEqual(['court:991']);
    expect((await http.taskList('toa.huyen1')).map((t) => t.element_id)).toContain('Task_ReceiveDossier');
    expect((await http.taskList('toa.khuvuc1')).map((t) => t.instance_id)).not.toContain(court.instance_id);
  });

  it('2025 ruleset on the 3-level map (March–June 2025): commune police prepare, district court (no region yet)', async () => {
    p.clock.set(vn('2025-04-01T08:00:00'));
    const personId = await addPerson(p.db, '99104', 'Tạ Văn Hòa');
    const started = await p.start({ procedureKey: 'compulsory-dossier', personId, variables: { triggerType: 'NOT_PERFORMED', isMinor: false } });
    expect(started.context).toMatchObject({ ruleset: '2025', districtCode: '991', courtRegionCode: null });
    expect((await p.driver.openTask(started.instanceId, 'Task_OpenDossier')).candidate_groups).toEqual(['police:99104']);
  });
});
