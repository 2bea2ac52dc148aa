import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain, definitions, end, flow, message, process, start, timer, userTask } from './support/bpmn';
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
    expect(await historyOf(f.engine, instanceId)).toEqual([
      'instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:a', 'task.created:a',
      'instance.migrated:', 'task.completed:a2', 'element.completed:a2', 'element.activated:check', 'task.created:check',
    ]);
  });

  it('should attach boundary events new in the target version and drop removed ones (dry run, then apply)', async () => {
    // given: v1 of 'bnd' has a reminder timer on a; v2 drops it and adds a withdrawal message and a deadline timer
    const [{ id: b1 }] = await f.engine.deploy({ xml: process('bnd', [start(), userTask('a'),
      `<bpmn:boundaryEvent id="remind" attachedToRef="a" cancelActivity="false">${timer('timeDuration', 'PT1H')}</bpmn:boundaryEvent>`,
      end(), end('reminded'), chain(['start', 'a', 'end']), flow('fr', 'remind', 'reminded')].join('\n')) });
    const [{ id: b2 }] = await f.engine.deploy({ xml: definitions(`${message('m', 'withdrawn', '=caseId')}
<bpmn:process id="bnd" isExecutable="true">${start()}${userTask('a')}
<bpmn:boundaryEvent id="wd" attachedToRef="a"><bpmn:messageEventDefinition messageRef="m"/></bpmn:boundaryEvent>
<bpmn:boundaryEvent id="late" attachedToRef="a">${timer('timeDuration', 'P1D')}</bpmn:boundaryEvent>
${end()}${end('stopped')}${end('escalated')}${chain(['start', 'a', 'end'])}${flow('fw', 'wd', 'stopped')}${flow('fl', 'late', 'escalated')}
</bpmn:process>`) });
    const { instanceId } = await f.engine.startInstance({ definitionId: b1, variables: { caseId: 'MG-1' } });
    const eventRows = async () => ({
      jobs: (await f.t.db.selectFrom('job').select(['element_id', 'due_at']).where('instance_id', '=', instanceId).execute())
        .map((job) => `${job.element_id}@${new Date(job.due_at).toISOString()}`),
      subscriptions: (await f.t.db.selectFrom('event_subscription').select(['element_id', 'name', 'correlation_key'])
        .where('instance_id', '=', instanceId).execute()).map((s) => `${s.element_id}:${s.name}:${s.correlation_key}`),
    });
    const startedAt = f.clock.now();
    expect(await eventRows()).toEqual({ jobs: [`remind@${new Date(startedAt.getTime() + 3_600_000).toISOString()}`], subscriptions: [] });
    f.clock.advance(60_000);
    // when: dry run
    const plan = await f.engine.planMigration({ instanceId, targetDefinitionId: b2 });
    // then: it lists what would be attached and dropped, and writes nothing
    expect(plan).toMatchObject({
      canMigrate: true, problems: [], moves: [{ from: 'a', to: 'a' }],
      attach: [{ elementId: 'a', eventId: 'wd' }, { elementId: 'a', eventId: 'late' }],
      detach: [{ elementId: 'a', eventId: 'remind' }],
    });
    expect(await eventRows()).toEqual({ jobs: [`remind@${new Date(startedAt.getTime() + 3_600_000).toISOString()}`], subscriptions: [] });
    // when: applied
    await f.engine.migrateInstance({ instanceId, targetDefinitionId: b2 }, { actor: 'admin' });
    // then: the new boundaries listen (timer counted from the migration), the removed one is gone
    expect(await eventRows()).toEqual({
      jobs: [`late@${new Date(startedAt.getTime() + 60_000 + 86_400_000).toISOString()}`],
      subscriptions: ['wd:withdrawn:MG-1'],
    });
    f.clock.advance(2 * 3_600_000);
    expect(await f.engine.createJobExecutor().drain()).toBe(0);
    await f.engine.correlateMessage({ name: 'withdrawn', correlationKey: 'MG-1' });
    expect(await instanceState(f.engine, instanceId)).toBe('completed');
    expect(await historyOf(f.engine, instanceId)).toEqual([
      'instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:a', 'task.created:a',
      'instance.migrated:', 'message.correlated:a', 'task.cancelled:a', 'element.terminated:a', 'element.activated:wd',
      'element.completed:wd', 'element.activated:stopped', 'element.completed:stopped', 'instance.completed:',
    ]);
    expect(await f.t.db.selectFrom('job').select('id').where('instance_id', '=', instanceId).execute()).toEqual([]);
  });

  it('should open an event subprocess new in the target version for the running scope', async () => {
    // given
    const [{ id: e1 }] = await f.engine.deploy({ xml: process('espmig', [start(), userTask('a'), end(), chain(['start', 'a', 'end'])].join('\n')) });
    const [{ id: e2 }] = await f.engine.deploy({ xml: process('espmig', [start(), userTask('a'), end(), chain(['start', 'a', 'end']),
      `<bpmn:subProcess id="esp" triggeredByEvent="true"><bpmn:startEvent id="tick" isInterrupting="false">${timer('timeDuration', 'PT2H')}</bpmn:startEvent>
${userTask('followUp')}${end('espEnd')}${chain(['tick', 'followUp', 'espEnd'], 'e')}</bpmn:subProcess>`].join('\n')) });
    const { instanceId } = await f.engine.startInstance({ definitionId: e1 });
    // when
    const plan = await f.engine.planMigration({ instanceId, targetDefinitionId: e2 });
    await f.engine.migrateInstance({ instanceId, targetDefinitionId: e2 });
    f.clock.advance(2 * 3_600_000);
    await f.engine.createJobExecutor().drain();
    // then
    expect(plan.attach).toEqual([{ elementId: 'espmig', eventId: 'tick' }]);
    expect(await openTasks(f.engine, instanceId)).toEqual(['a', 'followUp']);
    expect(await historyOf(f.engine, instanceId)).toEqual([
      'instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:a', 'task.created:a',
      'instance.migrated:', 'timer.fired:espmig', 'element.activated:esp', 'element.activated:tick', 'element.completed:tick',
      'element.activated:followUp', 'task.created:followUp',
    ]);
  });

  it('should move a token (cancel X, start before Y) and record it', async () => {
    const { instanceId } = await f.engine.startInstance({ definitionId: v1 });
    await f.engine.modifyInstance(instanceId, { cancel: ['a'], startBefore: ['b'] }, { actor: 'admin' });
    expect(await openTasks(f.engine, instanceId)).toEqual(['b']);
    expect(await historyOf(f.engine, instanceId)).toEqual([
      'instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:a', 'task.created:a',
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
    expect(await historyOf(f.engine, instanceId)).toEqual([
      'instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:a', 'task.created:a',
      'task.cancelled:a', 'element.terminated:a', 'instance.cancelled:',
    ]);
  });
});
