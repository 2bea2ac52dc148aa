import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain, end, process, start, userTask } from './support/bpmn';
import { engineFixture, historyOf, instanceState, openTask, openTasks, type EngineFixture } from './support/engine-fixture';

describe('admin: migration, modification, cancellation', () => {
  let f: EngineFixture;
  let v1 = '';
  let v2 = '';
  beforeAll(async () => {
    f = await engineFixture();
    [{ id: v1 }] = await f.engine.deploy({ xml: process('proc', [start(), userTask('a'), userTask('b'), end(), chain(['start', 'a', 'b', 'end'])].join('\n')) });
    [{ id: v2 }] = await f.engine.deploy({ xml: process('proc', [start(), userTask('a2'), userTask('check'), userTask('b'), end(),
      chain(['start', 'a2', 'check', 'b', 'end'])].join('\n')) });
  });
  afterAll(async () => { await f.t.destroy(); });

  it('should dry-run a migration listing what cannot move, then apply it with a mapping', async () => {
    // given: an instance of v1 waiting in 'a'
    const { instanceId } = await f.engine.startInstance({ definitionId: v1 });
    // when: dry run without mapping
    const plan = await f.engine.planMigration({ instanceId, targetDefinitionId: v2 });
    // then
    expect(plan.canMigrate).toBe(false);
    expect(plan.problems).toEqual([{ elementId: 'a', message: 'no element a in the target version' }]);
    await expect(f.engine.migrateInstance({ instanceId, targetDefinitionId: v2 })).rejects.toMatchObject({ code: 'MIGRATION_INVALID' });
    // when: mapped a → a2
    const applied = await f.engine.migrateInstance({ instanceId, targetDefinitionId: v2, mapping: { a: 'a2' } }, { actor: 'admin' });
    expect(applied.moves).toEqual([{ from: 'a', to: 'a2' }]);
    // then: it continues on v2
    expect((await f.engine.getInstance(instanceId))?.definition_id).toBe(v2);
    await f.engine.completeTask((await openTask(f.engine, instanceId, 'a2')).id);
    expect(await openTasks(f.engine, instanceId)).toEqual(['check']);
    expect(await historyOf(f.engine, instanceId)).toContain('instance.migrated:');
  });

  it('should move a token (cancel X, start before Y) and record it', async () => {
    const { instanceId } = await f.engine.startInstance({ definitionId: v1 });
    await f.engine.modifyInstance(instanceId, { cancel: ['a'], startBefore: ['b'] }, { actor: 'admin' });
    expect(await openTasks(f.engine, instanceId)).toEqual(['b']);
    const history = await historyOf(f.engine, instanceId);
    expect(history.slice(5)).toEqual([
      'instance.modified:', 'task.cancelled:a', 'element.terminated:a', 'element.activated:b', 'task.created:b',
    ]);
    const events = await f.engine.listHistory({ instanceId, types: ['instance.modified'] });
    expect(events.items[0]).toMatchObject({ actor: 'admin' });
  });

  it('should cancel an instance and refuse commands on it afterwards', async () => {
    const { instanceId } = await f.engine.startInstance({ definitionId: v1 });
    const task = await openTask(f.engine, instanceId, 'a');
    await f.engine.cancelInstance(instanceId, { actor: 'admin' });
    expect(await instanceState(f.engine, instanceId)).toBe('cancelled');
    expect((await f.engine.getTask(task.id))?.state).toBe('cancelled');
    await expect(f.engine.cancelInstance(instanceId)).rejects.toMatchObject({ code: 'INSTANCE_NOT_ACTIVE' });
    expect((await historyOf(f.engine, instanceId)).slice(-3)).toEqual(['task.cancelled:a', 'element.terminated:a', 'instance.cancelled:']);
  });
});
