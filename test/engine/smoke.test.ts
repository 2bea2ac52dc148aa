import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain, end, flow, process, start, userTask } from './support/bpmn';
import { engineFixture, historyOf, instanceState, openTask, type EngineFixture } from './support/engine-fixture';

describe('engine smoke', () => {
  let f: EngineFixture;
  beforeAll(async () => { f = await engineFixture(); });
  afterAll(async () => { await f.t.destroy(); });

  it('should run start → task → xor → task → end', async () => {
    // given
    await f.engine.deploy({ xml: process('p', [
      start(), userTask('a'), `<bpmn:exclusiveGateway id="x" default="fNo"/>`, userTask('b'), end(), end('end2'),
      chain(['start', 'a', 'x']), flow('fYes', 'x', 'b', '=approved = true'), flow('fNo', 'x', 'end2'), flow('fb', 'b', 'end'),
    ].join('\n')) });
    // when
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'p', variables: { n: 1 }, businessKey: 'BK', scope: '/44/' });
    const a = await openTask(f.engine, instanceId, 'a');
    await f.engine.completeTask(a.id, { approved: true });
    const b = await openTask(f.engine, instanceId, 'b');
    await f.engine.completeTask(b.id);
    // then
    expect(await instanceState(f.engine, instanceId)).toBe('completed');
    expect(await historyOf(f.engine, instanceId)).toEqual([
      'instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:a', 'task.created:a',
      'task.completed:a', 'element.completed:a', 'element.activated:x', 'element.completed:x', 'element.activated:b',
      'task.created:b', 'task.completed:b', 'element.completed:b', 'element.activated:end', 'element.completed:end',
      'instance.completed:',
    ]);
    expect(await f.engine.getVariables(instanceId)).toEqual({ n: 1, approved: true });
    // and: every history event carries the variable changes (before/after) it caused
    const history = await f.engine.listHistory({ instanceId });
    expect(history.items[0].data).toMatchObject({ variables: { n: 1 }, changes: [{ scope: instanceId, name: 'n', before: null, after: 1 }] });
    const completedA = history.items.find((e) => e.type === 'element.completed' && e.element_id === 'a');
    expect(completedA?.data).toEqual({
      variables: { approved: true }, changes: [{ scope: instanceId, name: 'approved', before: null, after: true }],
    });
  });
});
