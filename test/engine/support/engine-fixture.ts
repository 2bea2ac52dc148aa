import { createEngine, type Engine, type EngineDatabase } from '../../../engine/index';
import { FakeClock } from '../../support/clock';
import { createTestDatabase, type TestDatabase } from '../../support/database';

export interface EngineFixture {
  t: TestDatabase<EngineDatabase>;
  clock: FakeClock;
  engine: Engine;
}

export async function engineFixture(start?: string): Promise<EngineFixture> {
  const t = await createTestDatabase<EngineDatabase>();
  const clock = new FakeClock(start);
  const engine = createEngine({ db: t.db, clock, holidayCacheMs: 0 });
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
