import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpDriver } from './support/http-driver';
import { meaningful, vn } from './support/paths';
import { addPerson, createScenarioPlatform, elementPath, type ScenarioPlatform } from './support/scenario-platform';

let p: ScenarioPlatform;
let http: HttpDriver;
beforeAll(async () => {
  p = await createScenarioPlatform(vn('2024-06-03T08:00:00'));
  http = new HttpDriver(p);
}, 60_000);
afterAll(async () => p?.destroy());

/** Runs procedure 1 (police route, addicted, registered) for a person of `commune` as its police and committee. */
async function determination(commune: string, police: string, committee: string, at: string) {
  p.clock.set(vn(at));
  const personId = await addPerson(p.db, commune, `Người thử ${commune}`);
  const s = await p.start({ procedureKey: 'addiction-determination', personId });
  const groups: string[][] = [];
  const step = async (user: string, element: string, overrides: Record<string, unknown> = {}) => {
    groups.push((await p.driver.openTask(s.instanceId, element)).candidate_groups);
    await http.complete(user, s.instanceId, element, overrides);
  };
  await step(police, 'Task_PrepareRequest', { custody: 'not_in_custody', meetingPlace: 'facility', triggerGroup: 'a' });
  await step(police, 'Task_SummaryCv');
  await step(police, 'Task_BringPerson');
  await step('yte.tinh', 'Task_ReceivePerson', { receivedAt: vn(at) });
  await step('yte.tinh', 'Task_Examine', { criterion1: true, criterion2: true, criterion3: true, criterion4: false, criterion5: false, criterion6: false });
  await step('yte.tinh', 'Task_ResultSheet', { conclusion: 'nghien' });
  await step(committee, 'Task_RegisterTreatment');
  return { s, groups, path: await elementPath(p.app, s.instanceId, meaningful) };
}

describe('rulesets 2022 and 2025 where they agree', () => {
  it('procedure 1 runs the same steps under both rulesets, with the commune agencies of each map', async () => {
    const old = await determination('99104', 'ca.cu.xa2', 'ubnd.cu.xa2', '2024-06-03T08:00:00');
    const now = await determination('99160', 'ca.xa2', 'ubnd.xa2', '2026-06-01T08:00:00');
    expect(old.s.context.ruleset).toBe('2022');
    expect(now.s.context.ruleset).toBe('2025');
    expect(old.path).toEqual(now.path);
    const pattern = (groups: string[][], commune: string) => groups.map((g) => g.map((x) => x.replace(commune, '<commune>')));
    expect(pattern(old.groups, '99104')).toEqual(pattern(now.groups, '99160'));
  }, 90_000);

  it('a claimed task belongs to its assignee: the colleague chief cannot complete it until it is given back', async () => {
    p.clock.set(vn('2026-06-02T08:00:00'));
    const personId = await addPerson(p.db, '99160', 'Người thử nhận việc');
    const s = await p.start({ procedureKey: 'compulsory-dossier', personId, variables: { triggerType: 'NOT_REGISTERED', isMinor: false } });
    const task = await p.driver.openTask(s.instanceId, 'Task_OpenDossier');
    expect((await http.post('ca.xa2', `/api/tasks/${task.id}/claim`)).statusCode).toBe(200);
    expect((await http.post('ca.xa1', `/api/tasks/${task.id}/claim`)).statusCode).toBeGreaterThanOrEqual(403);
    const blocked = await http.post('ca.xa2.truong', `/api/tasks/${task.id}/complete`, { data: {} });
    expect([403, 409]).toContain(blocked.statusCode);
    expect((await http.post('ca.xa2', `/api/tasks/${task.id}/unclaim`)).statusCode).toBe(200);
    await http.complete('ca.xa2.truong', s.instanceId, 'Task_OpenDossier', { triggerType: 'NOT_REGISTERED', isMinor: false });
    expect((await p.driver.openTasks(s.instanceId)).map((t) => t.element_id)).toEqual(['Task_VerifyResidence']);
  });

  it('differ where DOMAIN.md says: the escort unit (2022 district police with the labour office; 2025 provincial police, UNCONFIRMED setting)', async () => {
    const escortVariables = { isMinor: false, termMonths: 12, deductibleInterimDays: 0, centreName: 'Cơ sở cai nghiện ma túy Tỉnh Thử nghiệm' };
    p.clock.set(vn('2024-09-02T08:00:00'));
    const old = await p.start({ procedureKey: 'escort-admission', personId: await addPerson(p.db, '99207', 'Người thử đưa người 2022'), startEventId: 'Start_Effective', variables: escortVariables });
    p.clock.set(vn('2026-09-01T08:00:00'));
    const now = await p.start({ procedureKey: 'escort-admission', personId: await addPerson(p.db, '99230', 'Người thử đưa người 2025'), startEventId: 'Start_Effective', variables: escortVariables });
    expect((await p.driver.openTask(old.instanceId, 'Task_PlanEscort')).candidate_groups).toEqual(['police:992']);
    expect((await p.driver.openTask(now.instanceId, 'Task_PlanEscort')).candidate_groups).toEqual(['police:99']);
    expect((await http.taskList('ca.tinh')).map((t) => t.instance_id)).toContain(now.instanceId);
    expect((await http.taskList('ca.tinh')).map((t) => t.instance_id)).not.toContain(old.instanceId);
    // the 2022 escort unit has demo users: the district's own police lists and claims it, the other district's does not see it
    expect((await http.taskList('ca.huyen2')).map((t) => t.instance_id)).toContain(old.instanceId);
    expect((await http.taskList('ca.huyen1')).map((t) => t.instance_id)).not.toContain(old.instanceId);
    const escort = await p.driver.openTask(old.instanceId, 'Task_PlanEscort');
    expect((await http.post('ca.huyen2', `/api/tasks/${escort.id}/claim`)).statusCode).toBe(200);
  });
});
