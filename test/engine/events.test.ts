import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineError } from '../../engine/index';
import { chain, definitions, end, flow, message, process, start, timer, userTask } from './support/bpmn';
import { engineFixture, historyOf, instanceState, openTask, openTasks, type EngineFixture } from './support/engine-fixture';

const HOUR = 3_600_000;
const PROLOGUE = ['instance.started:', 'element.activated:start', 'element.completed:start'];
const passes = (...ids: string[]) => ids.flatMap((id) => [`element.activated:${id}`, `element.completed:${id}`]);

describe('events', () => {
  let f: EngineFixture;
  beforeAll(async () => { f = await engineFixture(); });
  afterAll(async () => { await f.t.destroy(); });

  it('should wait on an intermediate timer driven by the clock', async () => {
    await f.engine.deploy({ xml: process('tcatch', [
      start(), `<bpmn:intermediateCatchEvent id="wait">${timer('timeDuration', 'PT2H')}</bpmn:intermediateCatchEvent>`, end(),
      chain(['start', 'wait', 'end']),
    ].join('\n')) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'tcatch' });
    const executor = f.engine.createJobExecutor({ workerId: 'w' });
    f.clock.advance(HOUR);
    expect(await executor.drain()).toBe(0);
    f.clock.advance(HOUR);
    expect(await executor.drain()).toBe(1);
    expect(await historyOf(f.engine, instanceId)).toEqual([
      'instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:wait',
      'timer.fired:wait', 'element.completed:wait', 'element.activated:end', 'element.completed:end', 'instance.completed:',
    ]);
  });

  it('should interrupt a task with a boundary timer', async () => {
    await f.engine.deploy({ xml: process('tint', [
      start(), userTask('a'), `<bpmn:boundaryEvent id="late" attachedToRef="a">${timer('timeDuration', 'P1D')}</bpmn:boundaryEvent>`,
      end(), end('escalated'), chain(['start', 'a', 'end']), flow('fl', 'late', 'escalated'),
    ].join('\n')) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'tint' });
    f.clock.advanceDays(1);
    await f.engine.createJobExecutor().drain();
    expect(await historyOf(f.engine, instanceId)).toEqual([
      'instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:a', 'task.created:a',
      'timer.fired:a', 'task.cancelled:a', 'element.terminated:a', 'element.activated:late', 'element.completed:late',
      'element.activated:escalated', 'element.completed:escalated', 'instance.completed:',
    ]);
    const task = (await f.engine.listTasks({ instanceId })).items[0];
    expect(task.state).toBe('cancelled');
    await expect(f.engine.completeTask(task.id)).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
  });

  it('should fire a non-interrupting timer cycle a bounded number of times', async () => {
    await f.engine.deploy({ xml: process('tcycle', [
      start(), userTask('a'),
      `<bpmn:boundaryEvent id="remind" attachedToRef="a" cancelActivity="false">${timer('timeCycle', 'R3/PT1H')}</bpmn:boundaryEvent>`,
      '<bpmn:manualTask id="notify"/>', end(), end('reminded'),
      chain(['start', 'a', 'end']), flow('fr', 'remind', 'notify'), flow('fn', 'notify', 'reminded'),
    ].join('\n')) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'tcycle' });
    const executor = f.engine.createJobExecutor();
    for (let hour = 0; hour < 5; hour += 1) {
      f.clock.advance(HOUR);
      await executor.drain();
    }
    expect(await openTasks(f.engine, instanceId)).toEqual(['a']);
    await f.engine.completeTask((await openTask(f.engine, instanceId, 'a')).id);
    expect(await instanceState(f.engine, instanceId)).toBe('completed');
    const reminder = ['timer.fired:a', ...passes('remind', 'notify', 'reminded')];
    expect(await historyOf(f.engine, instanceId)).toEqual([
      ...PROLOGUE, 'element.activated:a', 'task.created:a', ...reminder, ...reminder, ...reminder,
      'task.completed:a', 'element.completed:a', ...passes('end'), 'instance.completed:',
    ]);
  });

  it('should interrupt with a message boundary and pass the message variables', async () => {
    await f.engine.deploy({ xml: definitions(`${message('m', 'withdrawn', '=caseId')}
<bpmn:process id="mbound" isExecutable="true">${start()}${userTask('a')}
<bpmn:boundaryEvent id="wd" attachedToRef="a"><bpmn:messageEventDefinition messageRef="m"/></bpmn:boundaryEvent>
${end()}${end('stopped')}${chain(['start', 'a', 'end'])}${flow('fw', 'wd', 'stopped')}</bpmn:process>`) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'mbound', variables: { caseId: 'K9' } });
    await f.engine.correlateMessage({ name: 'withdrawn', correlationKey: 'K9', variables: { reason: 'moved' } });
    expect(await instanceState(f.engine, instanceId)).toBe('completed');
    expect(await f.engine.getVariables(instanceId)).toEqual({ caseId: 'K9', reason: 'moved' });
    expect(await historyOf(f.engine, instanceId)).toEqual([
      ...PROLOGUE, 'element.activated:a', 'task.created:a', 'message.correlated:a', 'task.cancelled:a', 'element.terminated:a',
      ...passes('wd', 'stopped'), 'instance.completed:',
    ]);
  });

  it('should buffer a message that arrives before its subscription (TTL) and reject without TTL', async () => {
    await f.engine.deploy({ xml: definitions(`${message('m', 'result', '=caseId')}
<bpmn:process id="early" isExecutable="true">${start()}${userTask('a')}
<bpmn:receiveTask id="recv" messageRef="m"/>${end()}${chain(['start', 'a', 'recv', 'end'])}</bpmn:process>`) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'early', variables: { caseId: 'E1' } });
    await expect(f.engine.correlateMessage({ name: 'result', correlationKey: 'E1' }))
      .rejects.toMatchObject({ code: 'MESSAGE_NOT_CORRELATED' });
    const buffered = await f.engine.correlateMessage({ name: 'result', correlationKey: 'E1', variables: { score: 7 }, ttlMs: HOUR });
    expect(buffered.buffered).toBe(true);
    await f.engine.completeTask((await openTask(f.engine, instanceId, 'a')).id);
    expect(await instanceState(f.engine, instanceId)).toBe('completed');
    expect(await f.engine.getVariables(instanceId)).toEqual({ caseId: 'E1', score: 7 });
  });

  it('should not deliver an expired buffered message', async () => {
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'early', variables: { caseId: 'E2' } });
    await f.engine.correlateMessage({ name: 'result', correlationKey: 'E2', ttlMs: HOUR });
    f.clock.advance(2 * HOUR);
    await f.engine.completeTask((await openTask(f.engine, instanceId, 'a')).id);
    expect(await instanceState(f.engine, instanceId)).toBe('active');
  });

  it('should catch signals (intermediate and boundary) and throw them through the outbox', async () => {
    await f.engine.deploy({ xml: definitions(`<bpmn:signal id="s" name="law-changed"/>
<bpmn:process id="sig" isExecutable="true">${start()}
<bpmn:intermediateCatchEvent id="catch"><bpmn:signalEventDefinition signalRef="s"/></bpmn:intermediateCatchEvent>
${end()}${chain(['start', 'catch', 'end'])}</bpmn:process>
<bpmn:process id="sigthrow" isExecutable="true">${start('s2')}
<bpmn:intermediateThrowEvent id="throw"><bpmn:signalEventDefinition signalRef="s"/></bpmn:intermediateThrowEvent>
${end('e2')}${chain(['s2', 'throw', 'e2'], 'g')}</bpmn:process>`) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'sig' });
    const thrower = await f.engine.startInstance({ definitionKey: 'sigthrow' });
    expect(await instanceState(f.engine, thrower.instanceId)).toBe('completed');
    await f.engine.createJobExecutor().drain();
    expect(await instanceState(f.engine, instanceId)).toBe('completed');
    expect(await historyOf(f.engine, thrower.instanceId)).toEqual([
      'instance.started:', ...passes('s2', 'throw', 'e2'), 'instance.completed:',
    ]);
    expect(await historyOf(f.engine, instanceId)).toEqual([
      ...PROLOGUE, 'element.activated:catch', 'signal.received:catch', 'element.completed:catch', ...passes('end'),
      'instance.completed:',
    ]);
  });

  it('should jump through link events', async () => {
    await f.engine.deploy({ xml: process('link', [
      start(), '<bpmn:intermediateThrowEvent id="go"><bpmn:linkEventDefinition name="L"/></bpmn:intermediateThrowEvent>',
      '<bpmn:intermediateCatchEvent id="land"><bpmn:linkEventDefinition name="L"/></bpmn:intermediateCatchEvent>', end(),
      flow('f1', 'start', 'go'), flow('f2', 'land', 'end'),
    ].join('\n')) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'link' });
    expect(await historyOf(f.engine, instanceId)).toEqual([
      'instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:go',
      'element.completed:go', 'element.activated:land', 'element.completed:land', 'element.activated:end',
      'element.completed:end', 'instance.completed:',
    ]);
  });

  it('should start instances from message and timer start events (latest version only)', async () => {
    await f.engine.deploy({ xml: definitions(`<bpmn:message id="m" name="report-received"/>
<bpmn:process id="mstart" isExecutable="true"><bpmn:startEvent id="ms"><bpmn:messageEventDefinition messageRef="m"/></bpmn:startEvent>
${userTask('a')}${end()}${chain(['ms', 'a', 'end'])}</bpmn:process>
<bpmn:process id="tstart" isExecutable="true"><bpmn:startEvent id="ts">${timer('timeCycle', 'R2/PT1H')}</bpmn:startEvent>
${end('te')}${flow('tf', 'ts', 'te')}</bpmn:process>`) });
    const result = await f.engine.correlateMessage({ name: 'report-received', variables: { from: 'police' } });
    expect(result.startedInstances).toHaveLength(1);
    expect(await f.engine.getVariables(result.startedInstances[0])).toEqual({ from: 'police' });
    const executor = f.engine.createJobExecutor();
    for (let i = 0; i < 3; i += 1) {
      f.clock.advance(HOUR);
      await executor.drain();
    }
    const started = await f.engine.listInstances({ definitionKey: 'tstart' });
    expect(started.total).toBe(2);
  });

  it('should reject correlating an unknown message with a typed error', async () => {
    await expect(f.engine.correlateMessage({ name: 'nobody', correlationKey: 'x' })).rejects.toBeInstanceOf(EngineError);
  });
});
