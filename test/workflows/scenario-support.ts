import { createEngine, EngineError, type Engine, type EngineDatabase } from '../../engine/index';
import { loadForms, loadProcedureXml, procedures } from '../../workflows/index';
import { FakeClock } from '../support/clock';
import { createTestDatabase, type TestDatabase } from '../support/database';

export interface Scenario {
  t: TestDatabase<EngineDatabase>;
  clock: FakeClock;
  engine: Engine;
  published: { name: string; correlationKey: string }[];
  statuses: string[];
  run(): Promise<void>;
  openTasks(definitionKey?: string): Promise<{ id: string; element_id: string; candidate_groups: string[]; instance_id: string; definition_key: string }[]>;
  complete(elementId: string, overrides?: Record<string, unknown>): Promise<void>;
}

const examples = new Map(loadForms().map((f) => [f.id, f.examples.valid[0]]));

/** All shipped procedures deployed on a fresh database, with in-process workers for every job type. */
export async function scenario(start = '2026-11-23T08:00:00+07:00'): Promise<Scenario> {
  const t = await createTestDatabase<EngineDatabase>();
  const clock = new FakeClock(start);
  const engine = createEngine({ db: t.db, clock, holidayCacheMs: 0 });
  const formIds = new Set(loadForms().map((f) => f.id));
  for (const p of procedures) {
    await engine.deploy({ xml: loadProcedureXml(p.key), formExists: async (id) => formIds.has(id) });
  }
  const published: Scenario['published'] = [];
  const statuses: string[] = [];
  engine.registerWorker('message.publish', async (job) => {
    const { messageName, correlationKey, ...variables } = job.variables as Record<string, unknown>;
    published.push({ name: String(messageName), correlationKey: String(correlationKey) });
    try {
      await engine.correlateMessage({ name: String(messageName), correlationKey: String(correlationKey), variables });
    } catch (e) {
      if (!(e instanceof EngineError && e.code === 'MESSAGE_NOT_CORRELATED')) throw e;
    }
  });
  engine.registerWorker('person.status.set', (job) => { statuses.push(String(job.variables.status)); });
  for (const type of ['document.render', 'email.send', 'notification.deadline-warning', 'notification.deadline-escalation']) {
    engine.registerWorker(type, () => undefined);
  }
  engine.registerWorker('case.transfer', (job) => ({ communeCode: job.variables.toCommuneCode }));
  const executor = engine.createJobExecutor({ workerId: 'scenario' });
  const s: Scenario = {
    t, clock, engine, published, statuses,
    run: async () => { await executor.drain(); },
    openTasks: async (definitionKey) => {
      const page = await engine.listTasks({ state: 'created', limit: 1000 });
      return (page.items as unknown as Awaited<ReturnType<Scenario['openTasks']>>).filter((x) => !definitionKey || x.definition_key === definitionKey);
    },
    complete: async (elementId, overrides = {}) => {
      await s.run();
      const task = (await s.openTasks()).find((x) => x.element_id === elementId);
      if (!task) throw new Error(`no open task ${elementId}: ${(await s.openTasks()).map((x) => x.element_id).join(', ')}`);
      const full = await engine.getTask(task.id);
      const example = examples.get((full as unknown as { form_key: string }).form_key) ?? {};
      await engine.completeTask(task.id, { ...example, ...overrides });
      await s.run();
    },
  };
  return s;
}
