import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEngineError } from '../../engine/index';
import { chain, end, process, start, userTask } from './support/bpmn';
import { engineFixture, historyOf, instanceState, openTask, type EngineFixture } from './support/engine-fixture';

/** Commands on a raw node-postgres pool (BEGIN with the first statement, apply with COMMIT). */
describe('commands on a raw pool (2 round trips)', () => {
  let f: EngineFixture;
  beforeAll(async () => {
    f = await engineFixture(undefined, { rawPool: true });
    await f.engine.deploy({ xml: process('rawpool', [start(), userTask('a'), end(), chain(['start', 'a', 'end'])].join('\n')) });
  });
  afterAll(async () => { await f.t.destroy(); });

  it('should start by key and complete in own transactions', async () => {
    // given
    const { instanceId, taskIds } = await f.engine.startInstance({ definitionKey: 'rawpool', variables: { note: 'a\\b' } });
    // when
    await f.engine.completeTask(taskIds[0]);
    // then
    expect(await instanceState(f.engine, instanceId)).toBe('completed');
    expect(await f.engine.getVariables(instanceId)).toEqual({ note: 'a\\b' });
    expect(await historyOf(f.engine, instanceId)).toEqual([
      'instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:a', 'task.created:a',
      'task.completed:a', 'element.completed:a', 'element.activated:end', 'element.completed:end', 'instance.completed:',
    ]);
  });

  it('should roll back a failed command and hand a clean client back to the pool', async () => {
    // given
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'rawpool' });
    const task = await openTask(f.engine, instanceId, 'a');
    // when: 20 concurrent completions on 10 pooled clients
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => f.engine.completeTask(task.id)));
    // then: one wins, the others fail cleanly; the pool still serves commands
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(isEngineError(r.reason, 'TASK_ALREADY_COMPLETED')).toBe(true);
    await expect(f.engine.startInstance({ definitionKey: "x'; DROP TABLE job; --\\" })).rejects.toMatchObject({ code: 'DEFINITION_NOT_FOUND' });
    expect(await f.t.db.selectFrom('job').select('id').execute()).toEqual([]);
    await expect(f.engine.completeTask('not-a-uuid')).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
    const again = await f.engine.startInstance({ definitionKey: 'rawpool' });
    expect(await instanceState(f.engine, again.instanceId)).toBe('active');
  });
});
