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

describe('procedure 1 — addiction determination (2025 ruleset, commune 99160)', () => {
  it('should run the police route to "addicted", register within D7 and hand over to voluntary registration', async () => {
    // given a person of xã Bến Đò (99160) and the clock on Monday 09/02/2026, the week before Tết
    p.clock.set(vn('2026-02-09T08:00:00'));
    const started = await p.start({ procedureKey: 'addiction-determination', personId: demoPerson(3) });
    expect(started.context).toMatchObject({ ruleset: '2025', communeCode: '99160', provinceCode: '99', districtCode: null, courtRegionCode: '99-KV1' });

    // then only the commune police of 99160 sees the request; another commune and another province do not
    await http.cannotSee('ca.xa1', started.instanceId, 'Task_PrepareRequest');
    await http.cannotSee('ca.t98.xa1', started.instanceId, 'Task_PrepareRequest');
    await http.cannotSee('yte.tinh', started.instanceId, 'Task_PrepareRequest');
    await http.complete('ca.xa2', started.instanceId, 'Task_PrepareRequest', { custody: 'not_in_custody', meetingPlace: 'facility', triggerGroup: 'a' });
    await http.complete('ca.xa2', started.instanceId, 'Task_SummaryCv');
    expect(await due(started.instanceId, 'Task_BringPerson')).toEqual(new Date(vn('2026-02-10T08:00:00')));
    await http.complete('ca.xa2', started.instanceId, 'Task_BringPerson');

    // the facility receives the person; D6 = 5 calendar days from receipt, Tết included
    await http.cannotSee('ca.xa2', started.instanceId, 'Task_ReceivePerson');
    await http.complete('yte.tinh', started.instanceId, 'Task_ReceivePerson', { receivedAt: vn('2026-02-09T09:00:00') });
    expect(await due(started.instanceId, 'Task_Examine')).toEqual(new Date(vn('2026-02-14T09:00:00')));
    await http.complete('yte.tinh', started.instanceId, 'Task_Examine', { criterion1: true, criterion2: true, criterion3: true, criterion4: false, criterion5: false, criterion6: false });
    p.clock.set(vn('2026-02-10T08:00:00'));
    await http.complete('yte.tinh', started.instanceId, 'Task_ResultSheet', { conclusion: 'nghien' });

    // D7: 5 working days from Tuesday 10/02/2026 skip the weekend and Tết (14–22/02) → Tuesday 24/02
    expect(await due(started.instanceId, 'Task_RegisterTreatment')).toEqual(new Date(vn('2026-02-24T08:00:00')));
    const person = await p.db.selectFrom('person').select('status').where('id', '=', demoPerson(3)).executeTakeFirstOrThrow();
    expect(person.status).toBe('addicted');
    await http.cannotSee('ubnd.xa1', started.instanceId, 'Task_RegisterTreatment');
    await http.complete('ubnd.xa2', started.instanceId, 'Task_RegisterTreatment');

    expect(await path(started.instanceId)).toEqual([
      'Start_Detected', 'Task_PrepareRequest', 'Task_SummaryCv', 'Task_BringPerson', 'Task_ReceivePerson',
      'Start_Determination', 'Task_Examine', 'Task_ResultSheet', 'End_Determination', 'SubProcess_Determination',
      'Send_Result', 'Throw_Concluded', 'Status_Addicted', 'Task_RegisterTreatment', 'End_Registered',
    ]);
    // handover: a voluntary-registration case of the same person, filed under the same commune
    const next = await p.db.selectFrom('rehab_case').selectAll().where('person_id', '=', demoPerson(3)).where('procedure_key', '=', 'voluntary-registration').executeTakeFirstOrThrow();
    expect(next.scope).toBe('/99/99160/');
    expect(next.data).toMatchObject({ previousCaseId: started.caseId, message: 'VoluntaryRegistrationReceived', ruleset: '2025' });
    const opened = await p.driver.openTasks(next.instance_id!);
    expect(opened.map((t) => [t.element_id, t.candidate_groups])).toEqual([['Task_Appraise', ['police:99160']]]);
  });

  it('should start the compulsory dossier when the addicted person does not register within D7 (timer over Tết)', async () => {
    // given a person of xã Núi Đá (99230) determined addicted on Tuesday 10/02/2026
    p.clock.set(vn('2026-02-09T10:00:00'));
    const started = await p.start({ procedureKey: 'addiction-determination', personId: demoPerson(5) });
    await http.complete('ca.xa3', started.instanceId, 'Task_PrepareRequest', { custody: 'in_custody_no_facility' });
    await http.complete('ca.xa3', started.instanceId, 'Task_SummaryCv');
    // D5: the facility sends staff within 24 hours
    expect(await due(started.instanceId, 'Task_SendStaff')).toEqual(new Date(vn('2026-02-10T10:00:00')));
    await http.complete('yte.tinh', started.instanceId, 'Task_SendStaff');
    await http.complete('yte.tinh', started.instanceId, 'Task_ReceivePerson', { receivedAt: vn('2026-02-09T14:00:00') });
    // 2 criteria without criterion 6 → extended observation (step 4)
    await http.complete('yte.tinh', started.instanceId, 'Task_Examine', { criterion1: true, criterion2: true, criterion3: false, criterion4: false, criterion5: false, criterion6: false, unclearSigns: false });
    await http.complete('yte.tinh', started.instanceId, 'Task_ExtendedObservation', { criteriaMet: 3, timeRequirementMet: true });
    p.clock.set(vn('2026-02-10T08:00:00'));
    await http.complete('yte.tinh', started.instanceId, 'Task_ResultSheet', { conclusion: 'nghien' });

    // when nobody registers: the warning fires after 4 working days (Monday 23/02), the deadline after 5 (24/02)
    p.clock.set(vn('2026-02-23T08:00:01'));
    await p.app.workflowRuntime.drain();
    const warned = await p.db.selectFrom('task_notification').select('kind').where('task_id', '=', (await p.driver.openTask(started.instanceId, 'Task_RegisterTreatment')).id).execute();
    expect(warned.map((w) => w.kind)).toEqual(['deadline_near']);
    p.clock.set(vn('2026-02-24T08:00:01'));
    await p.app.workflowRuntime.drain();

    // then the commune police record the violation (Mẫu 27) and the dossier procedure starts
    await http.complete('ca.xa3', started.instanceId, 'Task_RecordNotRegistered');
    expect(await path(started.instanceId)).toEqual([
      'Start_Detected', 'Task_PrepareRequest', 'Task_SummaryCv', 'Task_SendStaff', 'Task_ReceivePerson',
      'Start_Determination', 'Task_Examine', 'Task_ExtendedObservation', 'Task_ResultSheet', 'End_Determination', 'SubProcess_Determination',
      'Send_Result', 'Throw_Concluded', 'Status_Addicted',
      'Timer_RegisterTreatmentWarn', 'Service_RegisterTreatmentWarn', 'End_RegisterTreatmentWarned',
      'Timer_NotRegistered', 'Task_RecordNotRegistered', 'End_NotRegistered',
    ]);
    const dossier = await p.db.selectFrom('rehab_case').selectAll().where('person_id', '=', demoPerson(5)).where('procedure_key', '=', 'compulsory-dossier').executeTakeFirstOrThrow();
    const variables = (await p.app.engine.getVariables(dossier.instance_id!)) as Record<string, unknown>;
    expect(variables).toMatchObject({ triggerType: 'NOT_REGISTERED', ruleset: '2025', communeCode: '99230', caseId: dossier.id });
    // 2025: the chief of commune police prepares the dossier (TTLT03), within 5 working days (D11)
    const open = await p.driver.openTask(dossier.instance_id!, 'Task_OpenDossier');
    expect(open.candidate_groups).toEqual(['police:99230']);
    expect(open.due_at).toEqual(new Date(vn('2026-03-03T08:00:01')));
  });

  it('should conclude "not addicted" at the custody place and end (ND105 management goes on)', async () => {
    p.clock.set(vn('2026-03-02T08:00:00'));
    const started = await p.start({ procedureKey: 'addiction-determination', personId: demoPerson(26) });
    await http.complete('ca.xa2', started.instanceId, 'Task_PrepareRequest', { custody: 'in_custody_with_facility' });
    await http.complete('ca.xa2', started.instanceId, 'Task_SummaryCv');
    await http.complete('ca.xa2', started.instanceId, 'Task_CustodyTransfer');
    await http.complete('yte.tinh', started.instanceId, 'Task_ReceivePerson', { receivedAt: vn('2026-03-02T09:00:00') });
    await http.complete('yte.tinh', started.instanceId, 'Task_Examine', { criterion1: true, criterion2: false, criterion3: false, criterion4: false, criterion5: false, criterion6: false });
    await http.complete('yte.tinh', started.instanceId, 'Task_ResultSheet', { conclusion: 'khong_nghien' });
    expect(await path(started.instanceId)).toEqual([
      'Start_Detected', 'Task_PrepareRequest', 'Task_SummaryCv', 'Task_CustodyTransfer', 'Task_ReceivePerson',
      'Start_Determination', 'Task_Examine', 'Task_ResultSheet', 'End_Determination', 'SubProcess_Determination',
      'Send_Result', 'Throw_Concluded', 'End_NotAddicted',
    ]);
    expect((await p.app.engine.getInstance(started.instanceId))?.state).toBe('completed');
  });

  it('should take a volunteer straight to the facility (Mẫu 01)', async () => {
    p.clock.set(vn('2026-03-03T08:00:00'));
    const started = await p.start({ procedureKey: 'addiction-determination', personId: demoPerson(6), variables: { route: 'volunteer' } });
    await http.cannotSee('ca.xa3', started.instanceId, 'Task_VolunteerApplication');
    await http.complete('yte.tinh', started.instanceId, 'Task_VolunteerApplication');
    await http.complete('yte.tinh', started.instanceId, 'Task_ReceivePerson', { receivedAt: vn('2026-03-03T09:00:00') });
    await http.complete('yte.tinh', started.instanceId, 'Task_Examine', { criterion1: true, criterion2: true, criterion3: true, criterion4: true, criterion5: false, criterion6: false });
    await http.complete('yte.tinh', started.instanceId, 'Task_ResultSheet', { conclusion: 'nghien' });
    expect((await path(started.instanceId)).slice(0, 3)).toEqual(['Start_Detected', 'Task_VolunteerApplication', 'Task_ReceivePerson']);
    expect((await p.driver.openTasks(started.instanceId)).map((t) => t.element_id)).toEqual(['Task_RegisterTreatment']);
  });
});
