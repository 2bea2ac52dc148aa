import { beforeAll, describe, expect, it } from 'vitest';
import type { HttpDriver } from './support/http-driver';
import { vn } from './support/paths';
import { addPerson, type ScenarioPlatform } from './support/scenario-platform';
import { scenarioSuite } from './support/scenario-suite';

/** Deadlines of DOMAIN.md §8 no other scenario asserts: D2, D15, D20, D28. */
const suite = scenarioSuite(vn('2026-02-12T08:00:00'));
let p: ScenarioPlatform;
let http: HttpDriver;
beforeAll(() => { ({ p, http } = suite); });

const task = (instanceId: string, elementId: string) => p.driver.openTask(instanceId, elementId);
const openIds = async (instanceId: string) => (await p.driver.openTasks(instanceId)).map((t) => t.element_id).sort();

describe('deadlines D2, D15, D20, D28 as task due dates and timers', () => {
  it('D2: the police notice to the commune is due 3 working days after the verification, across Tết 2026', async () => {
    // given residence verified on Thursday 12/02/2026 (Tết holidays 14–22/02)
    p.clock.set(vn('2026-02-12T08:00:00'));
    const started = await p.start({ procedureKey: 'illegal-user-management', personId: await addPerson(p.db, '99160', 'Ông Văn Hạn Hai') });
    await http.complete('ca.xa2', started.instanceId, 'Task_VerifyResidence', { stableResidence: true });
    // then Fri 13, Mon 23, Tue 24/02
    const notice = await task(started.instanceId, 'Task_UseNotice');
    expect(notice.due_at).toEqual(new Date(vn('2026-02-24T08:00:00')));
    expect(notice.candidate_groups).toEqual(['police:99160']);
    await http.cannotSee('ca.xa3', started.instanceId, 'Task_UseNotice');
  }, 90_000);

  it('D15: a dossier returned by the labour office (2022) is supplemented within 2 wd and checked again within 2 wd', async () => {
    // given a 2022 dossier (xã Núi Đá 99204, huyện 992) whose token an admin moved to the labour-office check
    p.clock.set(vn('2024-11-07T08:00:00'));
    const started = await p.start({ procedureKey: 'compulsory-dossier', personId: await addPerson(p.db, '99204', 'Ông Văn Hạn Mười Lăm'), variables: { triggerType: 'NOT_REGISTERED', isMinor: false } });
    expect(started.context.ruleset).toBe('2022');
    await p.app.engine.modifyInstance(started.instanceId, { cancel: ['Task_OpenDossier'], startBefore: ['Task_LabourCheck'] });
    await http.cannotSee('ldtbxh.huyen1', started.instanceId, 'Task_LabourCheck');
    // when the district 992 office returns it on Thursday 07/11/2024 (Mẫu 33)
    await http.complete('ldtbxh.huyen2', started.instanceId, 'Task_LabourCheck', { checkResult: 'returned' });
    // then the preparer (2022: commune chairman) supplements within 2 working days: Fri 08, Mon 11/11
    const supplement = await task(started.instanceId, 'Task_Supplement');
    expect(supplement.candidate_groups).toEqual(['people_committee:99204']);
    expect(supplement.due_at).toEqual(new Date(vn('2024-11-11T08:00:00')));
    await http.cannotSee('ca.cu.xa5', started.instanceId, 'Task_Supplement');
    p.clock.set(vn('2024-11-08T08:00:00'));
    await http.complete('ubnd.cu.xa5', started.instanceId, 'Task_Supplement');
    // and the office forwards within 2 working days of the supplement (Fri 08 → Tue 12/11)
    expect((await task(started.instanceId, 'Task_LabourCheck')).due_at).toEqual(new Date(vn('2024-11-12T08:00:00')));
  }, 90_000);

  it('D20: the court sends its decision within 2 working days of the announcement (Friday → Tuesday)', async () => {
    p.clock.set(vn('2026-03-06T08:00:00'));
    const started = await p.start({ procedureKey: 'court-decision', personId: await addPerson(p.db, '99230', 'Ông Văn Hạn Hai Mươi'), startEventId: 'Start_Filed', variables: { isMinor: false } });
    await http.complete('toa.khuvuc2', started.instanceId, 'Task_ReceiveDossier', { dossierComplete: true });
    await http.complete('toa.khuvuc2', started.instanceId, 'Task_AcceptAssignJudge', { acceptedAt: vn('2026-03-06T08:00:00') });
    await http.complete('toa.khuvuc2', started.instanceId, 'Task_StudyFile', { needsClarification: false, extended: false });
    await http.complete('toa.khuvuc2', started.instanceId, 'Task_Session', { decisionType: 'apply', termMonths: 12 });
    const issue = await task(started.instanceId, 'Task_IssueDecision');
    expect(issue.candidate_groups).toEqual(['court:99-KV2']);
    expect(issue.due_at).toEqual(new Date(vn('2026-03-10T08:00:00')));
    await http.cannotSee('toa.khuvuc1', started.instanceId, 'Task_IssueDecision');
  }, 90_000);

  it('D28: the centre\'s health check comes due every 6 months of serving, for the centre only (5 wd to do it)', async () => {
    // given a person placed in the centre on Monday 02/03/2026 with an 18-month term
    p.clock.set(vn('2026-03-02T08:00:00'));
    const started = await p.start({
      procedureKey: 'escort-admission', personId: await addPerson(p.db, '99130', 'Ông Văn Hạn Hai Tám'), startEventId: 'Start_Effective',
      variables: { isMinor: false, termMonths: 18, deductibleInterimDays: 0, centreName: 'Cơ sở cai nghiện ma túy Tỉnh Thử nghiệm' },
    });
    await http.complete('ca.tinh', started.instanceId, 'Task_PlanEscort', { escortOutcome: 'handed_over' });
    await http.complete('trungtam', started.instanceId, 'Task_Handover');
    await http.complete('trungtam', started.instanceId, 'Task_Intake');
    await http.complete('trungtam', started.instanceId, 'Task_Placement', { termStart: '2026-03-02', termMonths: 18, interimDays: 0 });
    // when 6 months minus a day have passed: only the 3-monthly reduction review (D26, 02/06) came due
    p.clock.set(vn('2026-09-01T08:00:00'));
    await p.app.workflowRuntime.drain();
    expect(await openIds(started.instanceId)).toEqual(['Task_ReductionReview']);
    // then at 6 months the health check (D28) is open for the centre, due in 5 working days: 02/09 is
    // National Day, so Thu 03, Fri 04, Mon 07, Tue 08, Wed 09/09
    p.clock.set(vn('2026-09-02T08:00:01'));
    await p.app.workflowRuntime.drain();
    const check = await task(started.instanceId, 'Task_HealthCheck');
    expect(check.candidate_groups).toEqual(['rehab_centre:99']);
    expect(check.due_at).toEqual(new Date(vn('2026-09-09T08:00:01')));
    await http.cannotSee('yte.tinh', started.instanceId, 'Task_HealthCheck');
    await http.complete('trungtam', started.instanceId, 'Task_HealthCheck');
    // and the next one 6 months later (02/03/2027)
    p.clock.set(vn('2027-03-02T08:00:01'));
    await p.app.workflowRuntime.drain();
    expect((await openIds(started.instanceId)).filter((id) => id === 'Task_HealthCheck')).toEqual(['Task_HealthCheck']);
  }, 90_000);
});
