import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { end, flow, message, process, start, timer, userTask } from './support/bpmn';
import { engineFixture, historyOf, instanceState, openTask, openTasks, type EngineFixture } from './support/engine-fixture';

const PROLOGUE = ['instance.started:', 'element.activated:start', 'element.completed:start'];
const passes = (...ids: string[]) => ids.flatMap((id) => [`element.activated:${id}`, `element.completed:${id}`]);

describe('gateways', () => {
  let f: EngineFixture;
  beforeAll(async () => { f = await engineFixture(); });
  afterAll(async () => { await f.t.destroy(); });

  it('should raise a retryable incident when no exclusive condition holds and there is no default', async () => {
    // given
    await f.engine.deploy({ xml: process('xor', [
      start(), '<bpmn:exclusiveGateway id="x"/>', end('e1'), end('e2'), flow('f0', 'start', 'x'),
      flow('f1', 'x', 'e1', '=amount > 10'), flow('f2', 'x', 'e2', '=amount <= 10'),
    ].join('\n')) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'xor', variables: {} });
    // then: an incident, not a silent stop
    const incidents = await f.engine.listIncidents({ instanceId, state: 'open' });
    expect(incidents.items).toHaveLength(1);
    expect(incidents.items[0]).toMatchObject({ type: 'CONDITION_NO_MATCH', element_id: 'x' });
    expect(await instanceState(f.engine, instanceId)).toBe('active');
    // when: data fixed and retried
    await f.engine.setVariables(instanceId, { amount: 50 });
    await f.engine.retryIncident(incidents.items[0].id);
    // then
    expect(await instanceState(f.engine, instanceId)).toBe('completed');
    expect(await historyOf(f.engine, instanceId)).toEqual([
      'instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:x',
      'incident.created:x', 'variables.updated:', 'incident.resolved:x', 'element.completed:x',
      'element.activated:e1', 'element.completed:e1', 'instance.completed:',
    ]);
  });

  it('should fork and join parallel branches', async () => {
    await f.engine.deploy({ xml: process('par', [
      start(), '<bpmn:parallelGateway id="fork"/>', userTask('a'), userTask('b'), '<bpmn:parallelGateway id="join"/>', end(),
      flow('f0', 'start', 'fork'), flow('fa', 'fork', 'a'), flow('fb', 'fork', 'b'), flow('fa2', 'a', 'join'),
      flow('fb2', 'b', 'join'), flow('fe', 'join', 'end'),
    ].join('\n')) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'par' });
    expect(await openTasks(f.engine, instanceId)).toEqual(['a', 'b']);
    await f.engine.completeTask((await openTask(f.engine, instanceId, 'b')).id);
    expect(await instanceState(f.engine, instanceId)).toBe('active');
    await f.engine.completeTask((await openTask(f.engine, instanceId, 'a')).id);
    expect(await historyOf(f.engine, instanceId)).toEqual([
      'instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:fork',
      'element.completed:fork', 'element.activated:a', 'task.created:a', 'element.activated:b', 'task.created:b',
      'task.completed:b', 'element.completed:b', 'element.activated:join',
      'task.completed:a', 'element.completed:a', 'element.activated:join', 'element.completed:join', 'element.completed:join',
      'element.activated:end', 'element.completed:end', 'instance.completed:',
    ]);
  });

  const inclusive = process('incl', [
    start(), '<bpmn:inclusiveGateway id="split"/>', userTask('a'), userTask('b'), userTask('c'),
    '<bpmn:inclusiveGateway id="join"/>', end(),
    flow('f0', 'start', 'split'), flow('fa', 'split', 'a', '=wantA'), flow('fb', 'split', 'b', '=wantB'),
    flow('fc', 'split', 'c', '=wantC'), flow('fa2', 'a', 'join'), flow('fb2', 'b', 'join'), flow('fc2', 'c', 'join'),
    flow('fe', 'join', 'end'),
  ].join('\n'));

  it('should join an inclusive split waiting exactly for the tokens that were started', async () => {
    await f.engine.deploy({ xml: inclusive });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'incl', variables: { wantA: true, wantB: false, wantC: true } });
    expect(await openTasks(f.engine, instanceId)).toEqual(['a', 'c']);
    await f.engine.completeTask((await openTask(f.engine, instanceId, 'a')).id);
    expect(await instanceState(f.engine, instanceId)).toBe('active');
    await f.engine.completeTask((await openTask(f.engine, instanceId, 'c')).id);
    expect(await instanceState(f.engine, instanceId)).toBe('completed');
    expect(await historyOf(f.engine, instanceId)).toEqual([
      ...PROLOGUE, ...passes('split'), 'element.activated:a', 'task.created:a', 'element.activated:c', 'task.created:c',
      'task.completed:a', 'element.completed:a', 'element.activated:join',
      'task.completed:c', 'element.completed:c', 'element.activated:join', 'element.completed:join', 'element.completed:join',
      ...passes('end'), 'instance.completed:',
    ]);
  });

  it('should fire an inclusive join after an exclusive split (only one token can arrive)', async () => {
    await f.engine.deploy({ xml: process('xorincl', [
      start(), '<bpmn:exclusiveGateway id="x" default="fb"/>', userTask('a'), userTask('b'),
      '<bpmn:inclusiveGateway id="join"/>', end(),
      flow('f0', 'start', 'x'), flow('fa', 'x', 'a', '=pickA'), flow('fb', 'x', 'b'), flow('fa2', 'a', 'join'),
      flow('fb2', 'b', 'join'), flow('fe', 'join', 'end'),
    ].join('\n')) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'xorincl', variables: { pickA: true } });
    await f.engine.completeTask((await openTask(f.engine, instanceId, 'a')).id);
    expect(await instanceState(f.engine, instanceId)).toBe('completed');
    expect(await historyOf(f.engine, instanceId)).toEqual([
      ...PROLOGUE, ...passes('x'), 'element.activated:a', 'task.created:a', 'task.completed:a', 'element.completed:a',
      ...passes('join', 'end'), 'instance.completed:',
    ]);
  });

  it('should wait at an inclusive join for a token that can still arrive via a boundary event', async () => {
    // given: a → join, b (with non-interrupting timer boundary → c → join) → join
    await f.engine.deploy({ xml: process('boundincl', [
      start(), '<bpmn:parallelGateway id="fork"/>', userTask('a'), userTask('b'), userTask('c'),
      `<bpmn:boundaryEvent id="remind" attachedToRef="b" cancelActivity="false">${timer('timeDuration', 'PT1H')}</bpmn:boundaryEvent>`,
      '<bpmn:inclusiveGateway id="join"/>', end(),
      flow('f0', 'start', 'fork'), flow('fa', 'fork', 'a'), flow('fb', 'fork', 'b'), flow('fa2', 'a', 'join'),
      flow('fb2', 'b', 'join'), flow('fr', 'remind', 'c'), flow('fc2', 'c', 'join'), flow('fe', 'join', 'end'),
    ].join('\n')) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'boundincl' });
    const executor = f.engine.createJobExecutor({ workerId: 'w1' });
    // when: the timer fires → c exists; a and b complete; the join must still wait for c
    f.clock.advance(3_600_000);
    expect(await executor.drain()).toBe(1);
    await f.engine.completeTask((await openTask(f.engine, instanceId, 'a')).id);
    await f.engine.completeTask((await openTask(f.engine, instanceId, 'b')).id);
    expect(await instanceState(f.engine, instanceId)).toBe('active');
    expect(await openTasks(f.engine, instanceId)).toEqual(['c']);
    await f.engine.completeTask((await openTask(f.engine, instanceId, 'c')).id);
    // then
    expect(await instanceState(f.engine, instanceId)).toBe('completed');
    expect(await historyOf(f.engine, instanceId)).toEqual([
      ...PROLOGUE, ...passes('fork'), 'element.activated:a', 'task.created:a', 'element.activated:b', 'task.created:b',
      'timer.fired:b', ...passes('remind'), 'element.activated:c', 'task.created:c',
      'task.completed:a', 'element.completed:a', 'element.activated:join',
      'task.completed:b', 'element.completed:b', 'element.activated:join',
      'task.completed:c', 'element.completed:c', 'element.activated:join',
      'element.completed:join', 'element.completed:join', 'element.completed:join', ...passes('end'), 'instance.completed:',
    ]);
  });

  it('should take the first event of an event-based gateway and cancel the others', async () => {
    await f.engine.deploy({ xml: process('ebg', [
      start(), '<bpmn:eventBasedGateway id="g"/>',
      '<bpmn:intermediateCatchEvent id="answer"><bpmn:messageEventDefinition messageRef="m"/></bpmn:intermediateCatchEvent>',
      `<bpmn:intermediateCatchEvent id="timeout">${timer('timeDuration', 'P2D')}</bpmn:intermediateCatchEvent>`,
      end('answered'), end('late'),
      flow('f0', 'start', 'g'), flow('f1', 'g', 'answer'), flow('f2', 'g', 'timeout'), flow('f3', 'answer', 'answered'),
      flow('f4', 'timeout', 'late'),
    ].join('\n'), message('m', 'reply', '=caseId')) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'ebg', variables: { caseId: 'C-1' } });
    const result = await f.engine.correlateMessage({ name: 'reply', correlationKey: 'C-1', variables: { ok: true } });
    expect(result.correlatedInstances).toEqual([instanceId]);
    expect(await historyOf(f.engine, instanceId)).toEqual([
      'instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:g',
      'message.correlated:g', 'element.completed:g', 'element.activated:answer', 'element.completed:answer',
      'element.activated:answered', 'element.completed:answered', 'instance.completed:',
    ]);
    expect(await f.engine.getVariables(instanceId)).toEqual({ caseId: 'C-1', ok: true });
    const jobs = await f.t.db.selectFrom('job').selectAll().where('instance_id', '=', instanceId).execute();
    expect(jobs).toHaveLength(0);
  });
});
