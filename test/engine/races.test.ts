import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, isEngineError, type Engine } from '../../engine/index';
import { chain, end, flow, process, serviceTask, start, timer, userTask } from './support/bpmn';
import { engineFixture, historyOf, openTask, type EngineFixture } from './support/engine-fixture';

const run = promisify(execFile);
const PROLOGUE = ['instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:a', 'task.created:a'];
/** the two whole-command explanations of the timer/completion race: exactly one of them, never a mix */
const VIA_TASK = [...PROLOGUE, 'task.completed:a', 'element.completed:a', 'element.activated:end', 'element.completed:end', 'instance.completed:'];
const VIA_TIMER = [
  ...PROLOGUE, 'timer.fired:a', 'task.cancelled:a', 'element.terminated:a', 'element.activated:late', 'element.completed:late',
  'element.activated:timedOut', 'element.completed:timedOut', 'instance.completed:',
];

describe('races', () => {
  let f: EngineFixture;
  beforeAll(async () => {
    f = await engineFixture();
    await f.engine.deploy({ xml: process('race', [start(), userTask('a'),
      `<bpmn:boundaryEvent id="late" attachedToRef="a">${timer('timeDuration', 'PT1H')}</bpmn:boundaryEvent>`,
      end(), end('timedOut'), chain(['start', 'a', 'end']), flow('fl', 'late', 'timedOut')].join('\n')) });
  });
  afterAll(async () => { await f.t.destroy(); });

  it('should let exactly one of 20 concurrent completions of a task succeed', async () => {
    // given
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'race' });
    const task = await openTask(f.engine, instanceId, 'a');
    // when
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => f.engine.completeTask(task.id, { winner: i })));
    // then
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(19);
    for (const r of rejected) expect(isEngineError(r.reason, 'TASK_ALREADY_COMPLETED')).toBe(true);
    expect(await historyOf(f.engine, instanceId)).toEqual(VIA_TASK);
  });

  it('should stay consistent when a boundary timer fires while the task is being completed', async () => {
    for (let round = 0; round < 6; round += 1) {
      // given
      const { instanceId } = await f.engine.startInstance({ definitionKey: 'race' });
      const task = await openTask(f.engine, instanceId, 'a');
      f.clock.advance(3_600_000);
      const executor = f.engine.createJobExecutor({ workerId: `w${round}` });
      // when
      const [completion] = await Promise.allSettled([f.engine.completeTask(task.id), executor.drain()]);
      // then: exactly one path ran
      const history = await historyOf(f.engine, instanceId);
      expect(history).toEqual(completion.status === 'fulfilled' ? VIA_TASK : VIA_TIMER);
      if (completion.status === 'rejected') expect(isEngineError(completion.reason, 'TASK_NOT_FOUND')).toBe(true);
      expect(await f.t.db.selectFrom('job').selectAll().where('instance_id', '=', instanceId).execute()).toEqual([]);
    }
  });

  it('should never run one job twice with two executors in two processes', async () => {
    // given: 60 service jobs
    await sql`CREATE TABLE job_run (job_id uuid NOT NULL, worker text NOT NULL)`.execute(f.t.db);
    await f.engine.deploy({ xml: process('counted', [start(), serviceTask('work', 'count'), end(), chain(['start', 'work', 'end'])].join('\n')) });
    const realClockEngine: Engine = createEngine({ db: f.t.db });
    for (let i = 0; i < 60; i += 1) await realClockEngine.startInstance({ definitionKey: 'counted' });
    // when
    const script = 'test/engine/support/child-engine.ts';
    await Promise.all(['p1', 'p2'].map((id) => run('npx', ['tsx', script, f.t.url, 'executor', id], { timeout: 60_000 })));
    // then
    const runs = await sql<{ job_id: string; n: number; workers: string }>`
      SELECT job_id, count(*)::int AS n, string_agg(worker, ',') AS workers FROM job_run GROUP BY job_id`.execute(f.t.db);
    expect(runs.rows).toHaveLength(60);
    expect(runs.rows.filter((r) => r.n !== 1)).toEqual([]);
    const workers = new Set(runs.rows.map((r) => r.workers));
    expect(workers.size).toBeGreaterThanOrEqual(1);
    const open = await realClockEngine.listInstances({ definitionKey: 'counted', state: 'active' });
    expect(open.total).toBe(0);
  }, 120_000);
});
