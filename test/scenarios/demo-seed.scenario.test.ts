import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCases } from '../../server/seed/workflows.seeder';
import { deployShippedContent } from '../../server/workflow-runtime/content.deployer';
import { demoSeed, loadForms } from '../../workflows/index';
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
});
