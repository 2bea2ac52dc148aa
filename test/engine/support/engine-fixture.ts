import { createEngine, type Engine, type EngineDatabase } from '../../../engine/index';
import { FakeClock } from '../../support/clock';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { createPool } from '../../../server/db/database';

export interface EngineFixture {
  t: TestDatabase<EngineDatabase>;
  clock: FakeClock;
  engine: Engine;
}

/**
 * A test database and an engine on a FakeClock. `rawPool` (or ENGINE_TEST_RAW_POOL=1 for a whole
 * run) gives the engine a node-postgres pool: commands in their own transaction take 2 round trips.
 */
export async function engineFixture(start?: string, options: { rawPool?: boolean } = {}): Promise<EngineFixture> {
  const t = await createTestDatabase<EngineDatabase>();
  const clock = new FakeClock(start);
  const pool = options.rawPool || process.env.ENGINE_TEST_RAW_POOL === '1' ? createPool({ url: t.url, max: 10 }) : undefined;
  const engine = createEngine({ db: t.db, clock, holidayCacheMs: 0, pool });
  if (pool) {
    const destroy = t.destroy.bind(t);
    t.destroy = async () => { await pool.end(); await destroy(); };
  }
  return { t, clock, engine };
}

/** The instance tree's history as `type:elementId` strings, in order. */
export async function historyOf(engine: Engine, rootInstanceId: string): Promise<string[]> {
  const page = await engine.listHistory({ rootInstanceId, limit: 10_000 });
  return page.items.map((event) => `${event.type}:${event.element_id ?? ''}`);
}

export async function openTask(engine: Engine, instanceId: string, elementId?: string) {
  const page = await engine.listTasks({ state: 'created', filter: (qb) => qb.where('root_instance_id', '=', instanceId) });
  const task = page.items.find((item) => !elementId || item.element_id === elementId);
  if (!task) throw new Error(`no open task ${elementId ?? ''} in ${instanceId}: ${page.items.map((i) => i.element_id).join(',')}`);
  return task;
}

export async function openTasks(engine: Engine, instanceId: string) {
  const page = await engine.listTasks({ state: 'created', limit: 1000, filter: (qb) => qb.where('root_instance_id', '=', instanceId) });
  return page.items.map((task) => task.element_id).sort();
}

export async function instanceState(engine: Engine, instanceId: string): Promise<string | undefined> {
  return (await engine.getInstance(instanceId))?.state;
}
