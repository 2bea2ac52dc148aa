import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain, definitions, end, flow, message, process, start, timer, userTask } from './support/bpmn';
import { engineFixture, historyOf, instanceState, openTask, openTasks, type EngineFixture } from './support/engine-fixture';

const PROLOGUE = ['instance.started:', 'element.activated:start', 'element.completed:start'];
const passes = (...ids: string[]) => ids.flatMap((id) => [`element.activated:${id}`, `element.completed:${id}`]);

describe('elements (exact history)', () => {
  let f: EngineFixture;
  beforeAll(async () => { f = await engineFixture(); });
  afterAll(async () => { await f.t.destroy(); });

  it('should pass through manual task, undefined task, none throw event and script task', async () => {
    await f.engine.deploy({ xml: process('pass', [start(), '<bpmn:manualTask id="m"/>', '<bpmn:task id="t"/>',
      '<bpmn:intermediateThrowEvent id="milestone"/>',
      '<bpmn:scriptTask id="s"><bpmn:extensionElements><zeebe:script expression="=a + 1" resultVariable="b"/></bpmn:extensionElements></bpmn:scriptTask>',
      end(), chain(['start', 'm', 't', 'milestone', 's', 'end'])].join('\n')) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'pass', variables: { a: 1 } });
    expect(await historyOf(f.engine, instanceId)).toEqual([...PROLOGUE, ...passes('m', 't', 'milestone', 's', 'end'), 'instance.completed:']);
    expect(await f.engine.getVariables(instanceId)).toEqual({ a: 1, b: 2 });
  });

  it('should publish from a send task, a message throw event and a message end event to a receive task', async () => {
    await f.engine.deploy({ xml: definitions(`${message('m', 'ping', '=caseId')}
<bpmn:process id="sender" isExecutable="true">${start()}<bpmn:sendTask id="send" messageRef="m"/>
<bpmn:intermediateThrowEvent id="throw"><bpmn:messageEventDefinition messageRef="m"/></bpmn:intermediateThrowEvent>
<bpmn:endEvent id="end"><bpmn:messageEventDefinition messageRef="m"/></bpmn:endEvent>${chain(['start', 'send', 'throw', 'end'])}</bpmn:process>
<bpmn:process id="receiver" isExecutable="true">${start('rs')}<bpmn:receiveTask id="r1" messageRef="m"/><bpmn:receiveTask id="r2" messageRef="m"/>
<bpmn:receiveTask id="r3" messageRef="m"/>${end('re')}${chain(['rs', 'r1', 'r2', 'r3', 're'], 'g')}</bpmn:process>`) });
    const receiver = await f.engine.startInstance({ definitionKey: 'receiver', variables: { caseId: 'S1' } });
    const sender = await f.engine.startInstance({ definitionKey: 'sender', variables: { caseId: 'S1' } });
    expect(await historyOf(f.engine, sender.instanceId)).toEqual([...PROLOGUE, ...passes('send', 'throw', 'end'), 'instance.completed:']);
    await f.engine.createJobExecutor().drain();
    expect(await historyOf(f.engine, receiver.instanceId)).toEqual([
      'instance.started:', ...passes('rs'), 'element.activated:r1', 'message.correlated:r1', 'element.completed:r1',
      'element.activated:r2', 'message.correlated:r2', 'element.completed:r2', 'element.activated:r3',
      'message.correlated:r3', 'element.completed:r3', ...passes('re'), 'instance.completed:',
    ]);
  });

  it('should run a non-interrupting signal boundary without stopping the task', async () => {
    await f.engine.deploy({ xml: definitions(`<bpmn:signal id="sg" name="reminder"/>
<bpmn:process id="sigb" isExecutable="true">${start()}${userTask('a')}
<bpmn:boundaryEvent id="nudge" attachedToRef="a" cancelActivity="false"><bpmn:signalEventDefinition signalRef="sg"/></bpmn:boundaryEvent>
${end()}${end('nudged')}${chain(['start', 'a', 'end'])}${flow('fn', 'nudge', 'nudged')}</bpmn:process>`) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'sigb' });
    await f.engine.broadcastSignal('reminder');
    await f.engine.completeTask((await openTask(f.engine, instanceId, 'a')).id);
    expect(await historyOf(f.engine, instanceId)).toEqual([
      ...PROLOGUE, 'element.activated:a', 'task.created:a', 'signal.received:a', ...passes('nudge', 'nudged'),
      'task.completed:a', 'element.completed:a', ...passes('end'), 'instance.completed:',
    ]);
  });

  it('should catch an escalation end event in an event subprocess and an error in an error event subprocess', async () => {
    await f.engine.deploy({ xml: definitions(`<bpmn:escalation id="es" escalationCode="SLA"/><bpmn:error id="er" errorCode="FATAL"/>
<bpmn:process id="espx" isExecutable="true">${start()}<bpmn:parallelGateway id="fork"/>
<bpmn:endEvent id="escEnd"><bpmn:escalationEventDefinition escalationRef="es"/></bpmn:endEvent>${userTask('a')}
<bpmn:endEvent id="errEnd"><bpmn:errorEventDefinition errorRef="er"/></bpmn:endEvent>
${flow('f0', 'start', 'fork')}${flow('f1', 'fork', 'escEnd')}${flow('f2', 'fork', 'a')}${flow('f3', 'a', 'errEnd')}
<bpmn:subProcess id="onEsc" triggeredByEvent="true"><bpmn:startEvent id="escStart" isInterrupting="false"><bpmn:escalationEventDefinition escalationRef="es"/></bpmn:startEvent>
${end('escDone')}${flow('e1', 'escStart', 'escDone')}</bpmn:subProcess>
<bpmn:subProcess id="onErr" triggeredByEvent="true"><bpmn:startEvent id="errStart"><bpmn:errorEventDefinition/></bpmn:startEvent>
${end('errDone')}${flow('e2', 'errStart', 'errDone')}</bpmn:subProcess></bpmn:process>`) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'espx' });
    await f.engine.completeTask((await openTask(f.engine, instanceId, 'a')).id);
    expect(await historyOf(f.engine, instanceId)).toEqual([
      ...PROLOGUE, ...passes('fork'), 'element.activated:escEnd', 'escalation.thrown:escEnd', 'element.completed:escEnd',
      'element.activated:a', 'task.created:a', 'element.activated:onEsc', ...passes('escStart', 'escDone'),
      'element.completed:onEsc', 'task.completed:a', 'element.completed:a', 'element.activated:errEnd',
      'error.thrown:errEnd', 'element.terminated:errEnd', 'element.activated:onErr', ...passes('errStart', 'errDone'),
      'element.completed:onErr', 'instance.completed:',
    ]);
  });

  it('should fire a non-interrupting timer cycle event subprocess while the main flow waits', async () => {
    await f.engine.deploy({ xml: process('tesp', [start(), userTask('a'), end(), chain(['start', 'a', 'end']),
      `<bpmn:subProcess id="remind" triggeredByEvent="true"><bpmn:startEvent id="tick" isInterrupting="false">${timer('timeCycle', 'R2/P1D')}</bpmn:startEvent>
${end('ticked')}${flow('t1', 'tick', 'ticked')}</bpmn:subProcess>`].join('\n')) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'tesp' });
    const executor = f.engine.createJobExecutor();
    for (let day = 0; day < 3; day += 1) {
      f.clock.advanceDays(1);
      await executor.drain();
    }
    expect(await openTasks(f.engine, instanceId)).toEqual(['a']);
    await f.engine.completeTask((await openTask(f.engine, instanceId, 'a')).id);
    expect(await instanceState(f.engine, instanceId)).toBe('completed');
    const tick = ['timer.fired:tesp', 'element.activated:remind', ...passes('tick', 'ticked'), 'element.completed:remind'];
    expect(await historyOf(f.engine, instanceId)).toEqual([
      ...PROLOGUE, 'element.activated:a', 'task.created:a', ...tick, ...tick, 'task.completed:a', 'element.completed:a',
      ...passes('end'), 'instance.completed:',
    ]);
  });
});
