import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSeed as serverDemoSeed } from '../../server/seed/demo-data';
import { seedIdentity } from '../../server/seed/index';
import { activeElements, seedDemoCases } from '../../server/seed/workflows.seeder';
import { demoStages } from '../../server/workflow-runtime/demo-stages';
import { vnDate } from '../../server/workflow-runtime/procedure-context.service';
import { deployShippedContent } from '../../server/workflow-runtime/content.deployer';
import { demoSeed, ESTIMATED_HOLIDAY_MARK, loadForms, selectRuleset } from '../../workflows/index';
import { HttpDriver } from './support/http-driver';
import { vn } from './support/paths';
import { createScenarioPlatform, type ScenarioPlatform } from './support/scenario-platform';

let p: ScenarioPlatform;
let http: HttpDriver;
beforeAll(async () => {
  p = await createScenarioPlatform(vn('2026-11-24T08:00:00'));
  http = new HttpDriver(p);
}, 60_000);
afterAll(async () => p?.destroy());

describe('demo seed: content and ~30 cases at various stages', () => {
  it('should deploy every shipped procedure and form, and the holidays 2025–2027 (idempotent on every start)', async () => {
    const content = await deployShippedContent(p.db, p.app.engine, p.clock);
    expect(content.missing).toEqual([]);
    expect(content.procedures.every((d) => !d.created)).toBe(true);
    expect(content.forms.created).toBe(0);
    expect(content.procedures.map((d) => d.key).sort()).toEqual([
      'addiction-determination', 'compulsory-dossier', 'court-decision', 'escort-admission', 'illegal-user-management',
      'post-rehab-supervision', 'voluntary-registration',
    ]);
    expect(content.forms.total).toBe(loadForms().length);
    const calendar = new Set((await p.app.engine.listHolidays()).map((h) => String(h.date).slice(0, 10)));
    expect(demoSeed.holidays.filter((h) => !calendar.has(h.date))).toEqual([]);
  });

  it('should drive every demo person to their stage once, filling the demo users\' task lists', async () => {
    const summary = await seedDemoCases(p.app);
    expect(summary.failed).toEqual([]);
    expect(summary.created).toBeGreaterThanOrEqual(28);
    expect((await seedDemoCases(p.app)).skipped).toBe(true);
    // commune police of xã Sông Xanh see their own cases only
    const mine = await http.taskList('ca.xa1');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((t) => t.candidate_groups.some((g) => g.endsWith(':99130') || g === 'police:99'))).toBe(true);
    expect((await http.taskList('yte.tinh')).map((t) => t.element_id)).toEqual(expect.arrayContaining(['Task_Examine']));
    expect((await http.taskList('toa.khuvuc1')).length).toBeGreaterThan(0);
    expect((await http.taskList('trungtam')).map((t) => t.element_id)).toContain('Task_PreReleaseNotice');
    expect((await http.taskList('ubnd.xa3')).map((t) => t.element_id)).toEqual(expect.arrayContaining(['Task_RegisterTreatment', 'Task_TreatmentDecision']));
    expect((await http.taskList('ca.t98.xa1')).map((t) => t.candidate_groups.join())).not.toContain('police:99130');
  }, 120_000);

  it('should put every demo person at a stage their commune\'s structure and ruleset allow (after seeding)', async () => {
    // given the cases seeded by the previous test (clock 24/11/2026)
    const communes = new Map(demoSeed.jurisdictions.map((j) => [j.code, j]));
    const problems: string[] = [];
    for (const person of demoSeed.persons) {
      const label = `person ${Number(person.id.slice(-12))} ${person.stage.procedure}/${person.stage.step}`;
      const commune = communes.get(person.communeCode);
      const stage = demoStages[person.stage.procedure]?.[person.stage.step];
      if (!commune || commune.level !== 'commune' || !stage) { problems.push(`${label}: unknown commune or stage`); continue; }
      // the person's demo case runs under the ruleset of their commune's structure today
      const ruleset = selectRuleset(vnDate(p.clock.now()), commune.structure).id;
      const row = await p.db.selectFrom('rehab_case').select(['instance_id', 'status', 'data', 'procedure_key']).where('person_id', '=', person.id)
        .where('procedure_key', '=', person.stage.procedure).orderBy('created_at').executeTakeFirst();
      if (!row?.instance_id) { problems.push(`${label}: no case`); continue; }
      if ((row.data as { ruleset?: string }).ruleset !== ruleset) problems.push(`${label}: ruleset ${String((row.data as { ruleset?: string }).ruleset)} ≠ ${ruleset}`);
      // 2022-only steps (district labour office) exist only under the 2022 ruleset
      const steps = [...stage(p.clock.now().toISOString()).steps.map(([id]) => id), ...stage(p.clock.now().toISOString()).waitsAt];
      if (ruleset !== '2022' && steps.some((id) => id === 'Task_LabourCheck' || id === 'Task_Supplement')) problems.push(`${label}: labour-office step under ruleset ${ruleset}`);
      // and the case waits where the stage says, in an open case
      const active = await activeElements(p.app, row.instance_id);
      if (!stage(p.clock.now().toISOString()).waitsAt.some((id) => active.includes(id))) problems.push(`${label}: waits at ${active.join(', ')}`);
      if (row.status !== 'open') problems.push(`${label}: case ${row.status}`);
    }
    // then
    expect(problems).toEqual([]);
    // person 11 (xã Núi Đá, 2025 map): facility management while the dossier is prepared, the centre's Mẫu 37 open
    expect((await http.taskList('trungtam')).map((t) => t.element_id)).toContain('Task_InterimHandover');
  }, 60_000);

  it('should keep estimated holidays (2027 Tết) as unconfirmed calendar days until an admin confirms them', async () => {
    // given the seeded calendar: estimated days count as days off, marked as waiting for confirmation
    const listed = await http.get('ca.xa1', '/api/calendar/holidays?year=2027');
    const days = new Map((listed.json() as { items: { date: string; name: string }[] }).items.map((h) => [String(h.date).slice(0, 10), h.name]));
    expect(days.get('2027-02-06')).toBe(`Tết Nguyên đán 2027 ${ESTIMATED_HOLIDAY_MARK}`);
    expect(days.get('2027-01-01')).toBe('Tết Dương lịch');
    const estimated = demoSeed.holidays.filter((h) => h.estimated).map((h) => h.date).sort();
    expect((await deployShippedContent(p.db, p.app.engine, p.clock)).unconfirmedHolidays.map((h) => h.date)).toEqual(estimated);
    // D-deadlines count them: 5 working days from Wed 03/02/2027 skip Tết (04–10/02) and the weekend
    const due = await p.app.engine.evaluateFeel('add working days(date and time("2027-02-03T08:00:00+07:00"), 5)');
    expect(new Date(due as string | Date)).toEqual(new Date(vn('2027-02-17T08:00:00')));
    // when an admin confirms the first Tết day (renamed without the mark, audited)
    const confirmed = await http.put('admin', '/api/admin/holidays/2027-02-04', { name: 'Tết Nguyên đán 2027 (đã công bố)' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    // then it is no longer listed as unconfirmed, and the next start does not mark it again
    const again = await deployShippedContent(p.db, p.app.engine, p.clock);
    expect(again.unconfirmedHolidays.map((h) => h.date)).toEqual(estimated.filter((d) => d !== '2027-02-04'));
    expect((await p.app.engine.listHolidays(2027)).find((h) => String(h.date).slice(0, 10) === '2027-02-04')?.name).toBe('Tết Nguyên đán 2027 (đã công bố)');
    // and a guessed day the admin removes does not come back on the next start
    expect((await http.delete('admin', '/api/admin/holidays/2027-05-03')).statusCode).toBe(204);
    await deployShippedContent(p.db, p.app.engine, p.clock);
    await seedIdentity(p.db, serverDemoSeed);
    expect((await p.app.engine.listHolidays(2027)).map((h) => String(h.date).slice(0, 10))).not.toContain('2027-05-03');
    const audit = await p.db.selectFrom('audit_log').select('action').where('resource_id', '=', '2027-02-04').execute();
    expect(audit.map((a) => a.action)).toEqual(['holiday.set']);
  }, 120_000);
});
