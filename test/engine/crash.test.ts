import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../engine/index';
import { chain, end, process as bpmnProcess, serviceTask, start, userTask } from './support/bpmn';
import { engineFixture, historyOf, type EngineFixture } from './support/engine-fixture';

const PREFIX = ['instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:a', 'task.created:a'];
const AT_B = [...PREFIX, 'task.completed:a', 'element.completed:a', 'element.activated:b', 'task.created:b'];
const AT_JOB = [...AT_B, 'task.completed:b', 'element.completed:b', 'element.activated:job', 'job.created:job'];

describe('crash', () => {
  let f: EngineFixture;
  let engine: Engine;
  beforeAll(async () => {
    f = await engineFixture();
    engine = createEngine({ db: f.t.db });
    await engine.deploy({ xml: bpmnProcess('crash', [start(), userTask('a'), userTask('b'), serviceTask('job', 'crash-job'), end(),
      chain(['start', 'a', 'b', 'job', 'end'])].join('\n')) });
  });
  afterAll(async () => { await f.t.destroy(); });

  it('should leave every instance in a state explained by whole commands after SIGKILL, and re-acquire expired locks', async () => {
    // given: a child process executing commands in a loop
    const child = spawn('npx', ['tsx', 'test/engine/support/child-engine.ts', f.t.url, 'loop', 'crasher'], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    // when: killed mid-flight (the whole process group: npx → tsx → node)
    process.kill(-(child.pid as number), 'SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    // then
    const instances = await engine.listInstances({ definitionKey: 'crash', limit: 100_000 });
    expect(instances.total).toBeGreaterThan(3);
    for (const instance of instances.items) {
      const history = await historyOf(engine, instance.id);
      const tasks = (await engine.listTasks({ instanceId: instance.id, state: 'created' })).items.map((t) => t.element_id);
      const executions = await f.t.db.selectFrom('execution').select('element_id').where('instance_id', '=', instance.id).execute();
      const jobs = await f.t.db.selectFrom('job').select('element_id').where('instance_id', '=', instance.id).execute();
      const elements = executions.map((e) => e.element_id).filter((id) => id !== 'crash').sort();
      if (instance.state === 'completed') throw new Error('no worker completes crash jobs');
      expect(instance.state).toBe('active');
      if (tasks.includes('a')) {
        expect(history).toEqual(PREFIX);
        expect(elements).toEqual(['a']);
      } else if (tasks.includes('b')) {
        expect(history).toEqual(AT_B);
        expect(elements).toEqual(['b']);
      } else {
        expect(history).toEqual(AT_JOB);
        expect(elements).toEqual(['job']);
        expect(jobs.map((j) => j.element_id)).toEqual(['job']);
      }
      expect(tasks.length).toBeLessThanOrEqual(1);
    }
    // and: jobs the dead process had locked are acquired again once their lock expired
    const lockedByDead = await f.t.db.selectFrom('job').select('id').where('lock_owner', '=', 'crasher').execute();
    expect(lockedByDead.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 600));
    const reacquired = await engine.fetchAndLock('survivor', ['crash-job'], 30_000, 100_000);
    const ids = new Set(reacquired.map((job) => job.id));
    for (const job of lockedByDead) expect(ids.has(job.id)).toBe(true);
    for (const job of reacquired) await engine.completeJob(job.id, {}, { workerId: 'survivor' });
    const stillActive = await engine.listInstances({ definitionKey: 'crash', state: 'active', limit: 1 });
    expect(stillActive.total).toBe(instances.total - reacquired.length);
  }, 60_000);
});
