import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../engine/index';
import { chain, definitions, end, flow, message, process, start, timer, userTask } from './support/bpmn';
import { engineFixture, historyOf, instanceState, openTask, openTasks, type EngineFixture } from './support/engine-fixture';

const PROLOGUE = ['instance.started:', 'element.activated:start', 'element.completed:start'];
const passes = (...ids: string[]) => ids.flatMap((id) => [`element.activated:${id}`, `element.completed:${id}`]);
const sub = (id: string, body: string, attrs = '') => `<bpmn:subProcess id="${id}"${attrs}>${body}</bpmn:subProcess>`;

describe('subprocesses', () => {
  let f: EngineFixture;
  beforeAll(async () => { f = await engineFixture(); });
  afterAll(async () => { await f.t.destroy(); });

  it('should run an embedded subprocess and apply its io mappings', async () => {
    await f.engine.deploy({ xml: process('emb', [
      start(),
      sub('s', [start('ss'), userTask('inner'), end('se'), chain(['ss', 'inner', 'se'], 'sf')].join(''),
        ''),
      end(), chain(['start', 's', 'end']),
    ].join('\n')).replace('<bpmn:subProcess id="s">', `<bpmn:subProcess id="s"><bpmn:extensionElements><zeebe:ioMapping>
<zeebe:input source="=amount * 2" target="doubled"/><zeebe:output source="=doubled + extra" target="total"/></zeebe:ioMapping></bpmn:extensionElements>`) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'emb', variables: { amount: 5 } });
    const task = await openTask(f.engine, instanceId, 'inner');
    expect((await f.engine.getTaskVariables(task.id))?.all).toMatchObject({ amount: 5, doubled: 10 });
    await f.engine.completeTask(task.id, { extra: 1 });
    expect(await f.engine.getVariables(instanceId)).toEqual({ amount: 5, extra: 1, total: 11 });
    expect(await historyOf(f.engine, instanceId)).toEqual([
      'instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:s',
      'element.activated:ss', 'element.completed:ss', 'element.activated:inner', 'task.created:inner',
      'task.completed:inner', 'element.completed:inner', 'element.activated:se', 'element.completed:se',
      'element.completed:s', 'element.activated:end', 'element.completed:end', 'instance.completed:',
    ]);
  });

  it('should end only the subprocess on a terminate end event inside it', async () => {
    await f.engine.deploy({ xml: process('term', [
      start(),
      sub('s', [start('ss'), '<bpmn:parallelGateway id="fork"/>', userTask('x'), userTask('y'),
        '<bpmn:endEvent id="kill"><bpmn:terminateEventDefinition/></bpmn:endEvent>', end('ye'),
        flow('a1', 'ss', 'fork'), flow('a2', 'fork', 'x'), flow('a3', 'fork', 'y'), flow('a4', 'x', 'kill'), flow('a5', 'y', 'ye')].join('')),
      userTask('after'), end(), chain(['start', 's', 'after', 'end']),
    ].join('\n')) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'term' });
    await f.engine.completeTask((await openTask(f.engine, instanceId, 'x')).id);
    expect(await openTasks(f.engine, instanceId)).toEqual(['after']);
    expect(await historyOf(f.engine, instanceId)).toEqual([
      ...PROLOGUE, 'element.activated:s', ...passes('ss', 'fork'), 'element.activated:x', 'task.created:x',
      'element.activated:y', 'task.created:y', 'task.completed:x', 'element.completed:x', 'element.activated:kill', 'task.cancelled:y', 'element.terminated:y', 'element.completed:kill',
      'element.completed:s', 'element.activated:after', 'task.created:after',
    ]);
  });

  it('should catch an error thrown in a subprocess by a boundary of an outer scope', async () => {
    await f.engine.deploy({ xml: definitions(`<bpmn:error id="errNE" errorCode="NOT_ELIGIBLE"/>
<bpmn:process id="err" isExecutable="true">${start()}
${sub('outer', [start('os'), sub('inner', [start('is'), '<bpmn:endEvent id="boom"><bpmn:errorEventDefinition errorRef="errNE"/></bpmn:endEvent>', flow('i1', 'is', 'boom')].join('')),
    end('oe'), chain(['os', 'inner', 'oe'], 'o')].join(''))}
<bpmn:boundaryEvent id="caught" attachedToRef="outer"><bpmn:errorEventDefinition errorRef="errNE"/></bpmn:boundaryEvent>
${end()}${end('rejected')}${chain(['start', 'outer', 'end'])}${flow('fc', 'caught', 'rejected')}</bpmn:process>`) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'err' });
    expect(await instanceState(f.engine, instanceId)).toBe('completed');
    expect(await historyOf(f.engine, instanceId)).toEqual([
      ...PROLOGUE, 'element.activated:outer', ...passes('os'), 'element.activated:inner', ...passes('is'), 'element.activated:boom', 'error.thrown:boom', 'element.terminated:boom', 'element.terminated:inner',
      'element.terminated:outer', 'element.activated:caught', 'element.completed:caught', 'element.activated:rejected',
      'element.completed:rejected', 'instance.completed:',
    ]);
  });

  it('should raise an incident for an uncaught error', async () => {
    await f.engine.deploy({ xml: definitions(`<bpmn:error id="e2" errorCode="X"/>
<bpmn:process id="uncaught" isExecutable="true">${start()}<bpmn:endEvent id="boom"><bpmn:errorEventDefinition errorRef="e2"/></bpmn:endEvent>${flow('f', 'start', 'boom')}</bpmn:process>`) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'uncaught' });
    const incidents = await f.engine.listIncidents({ instanceId });
    expect(incidents.items[0]).toMatchObject({ type: 'UNHANDLED_ERROR', element_id: 'boom' });
    expect(await historyOf(f.engine, instanceId)).toEqual([
      'instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:boom',
      'error.thrown:boom', 'incident.created:boom',
    ]);
  });

  const esp = (interrupting: boolean) => definitions(`${message('m', 'cancel-request', '=caseId')}
<bpmn:process id="esp${interrupting ? 'i' : 'n'}" isExecutable="true">${start()}${userTask('work')}${end()}${chain(['start', 'work', 'end'])}
<bpmn:subProcess id="handler" triggeredByEvent="true">
  <bpmn:startEvent id="hs" isInterrupting="${interrupting}"><bpmn:messageEventDefinition messageRef="m"/></bpmn:startEvent>
  ${userTask('review')}${end('he')}${chain(['hs', 'review', 'he'], 'h')}
</bpmn:subProcess></bpmn:process>`);

  it('should interrupt the scope with an interrupting event subprocess', async () => {
    await f.engine.deploy({ xml: esp(true) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'espi', variables: { caseId: 'I1' } });
    await f.engine.correlateMessage({ name: 'cancel-request', correlationKey: 'I1' });
    expect(await openTasks(f.engine, instanceId)).toEqual(['review']);
    await f.engine.completeTask((await openTask(f.engine, instanceId, 'review')).id);
    expect(await instanceState(f.engine, instanceId)).toBe('completed');
    expect(await historyOf(f.engine, instanceId)).toEqual([
      ...PROLOGUE, 'element.activated:work', 'task.created:work', 'message.correlated:espi', 'task.cancelled:work', 'element.terminated:work', 'element.activated:handler',
      'element.activated:hs', 'element.completed:hs', 'element.activated:review', 'task.created:review',
      'task.completed:review', 'element.completed:review', 'element.activated:he', 'element.completed:he',
      'element.completed:handler', 'instance.completed:',
    ]);
  });

  it('should run a non-interrupting event subprocess alongside the scope', async () => {
    await f.engine.deploy({ xml: esp(false) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'espn', variables: { caseId: 'N1' } });
    await f.engine.correlateMessage({ name: 'cancel-request', correlationKey: 'N1' });
    await f.engine.correlateMessage({ name: 'cancel-request', correlationKey: 'N1' });
    expect(await openTasks(f.engine, instanceId)).toEqual(['review', 'review', 'work']);
    for (const id of ['review', 'review', 'work']) await f.engine.completeTask((await openTask(f.engine, instanceId, id)).id);
    expect(await instanceState(f.engine, instanceId)).toBe('completed');
    expect(await historyOf(f.engine, instanceId)).toEqual([
      'instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:work',
      'task.created:work', 'message.correlated:espn', 'element.activated:handler', 'element.activated:hs',
      'element.completed:hs', 'element.activated:review', 'task.created:review', 'message.correlated:espn',
      'element.activated:handler', 'element.activated:hs', 'element.completed:hs', 'element.activated:review',
      'task.created:review', 'task.completed:review', 'element.completed:review', 'element.activated:he',
      'element.completed:he', 'element.completed:handler', 'task.completed:review', 'element.completed:review',
      'element.activated:he', 'element.completed:he', 'element.completed:handler', 'task.completed:work',
      'element.completed:work', 'element.activated:end', 'element.completed:end', 'instance.completed:',
    ]);
  });

  it('should let a non-interrupting escalation boundary run while the subprocess continues', async () => {
    await f.engine.deploy({ xml: definitions(`<bpmn:escalation id="esc" escalationCode="LATE"/>
<bpmn:process id="escal" isExecutable="true">${start()}
${sub('s', [start('ss'), '<bpmn:intermediateThrowEvent id="raise"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:intermediateThrowEvent>',
    userTask('continue'), end('se'), chain(['ss', 'raise', 'continue', 'se'], 'sf')].join(''))}
<bpmn:boundaryEvent id="notice" attachedToRef="s" cancelActivity="false"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:boundaryEvent>
${userTask('supervisor')}${end()}${end('ne')}${chain(['start', 's', 'end'])}${chain(['notice', 'supervisor', 'ne'], 'n')}</bpmn:process>`) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'escal' });
    expect(await openTasks(f.engine, instanceId)).toEqual(['continue', 'supervisor']);
    expect(await historyOf(f.engine, instanceId)).toEqual([
      'instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:s',
      'element.activated:ss', 'element.completed:ss', 'element.activated:raise', 'escalation.thrown:raise',
      'element.completed:raise', 'element.activated:notice', 'element.completed:notice',
      'element.activated:continue', 'task.created:continue', 'element.activated:supervisor',
      'task.created:supervisor',
    ]);
  });

  it('should call a process with version binding and variable mapping', async () => {
    const child = (tag: string, value: number) => definitions(`<bpmn:process id="child" isExecutable="true">
<bpmn:extensionElements><zeebe:versionTag value="${tag}"/></bpmn:extensionElements>
${start('cs')}<bpmn:scriptTask id="calc"><bpmn:extensionElements><zeebe:script expression="=input + ${value}" resultVariable="result"/></bpmn:extensionElements></bpmn:scriptTask>
${userTask('childTask')}${end('ce')}${chain(['cs', 'calc', 'childTask', 'ce'], 'c')}</bpmn:process>`);
    await f.engine.deploy({ xml: child('v1', 100) });
    await f.engine.deploy({ xml: child('v2', 200) });
    const parent = (binding: string) => process(`parent_${binding}`, [start(), `<bpmn:callActivity id="call"><bpmn:extensionElements>
<zeebe:calledElement processId="child" propagateAllChildVariables="false" bindingType="${binding}" ${binding === 'versionTag' ? 'versionTag="v1"' : ''}/>
<zeebe:ioMapping><zeebe:input source="=x" target="input"/><zeebe:output source="=result" target="childResult"/></zeebe:ioMapping>
</bpmn:extensionElements></bpmn:callActivity>`, end(), chain(['start', 'call', 'end'])].join('\n'));
    for (const [binding, expected] of [['latest', 201], ['versionTag', 101]] as const) {
      await f.engine.deploy({ xml: parent(binding) });
      const { instanceId } = await f.engine.startInstance({ definitionKey: `parent_${binding}`, variables: { x: 1 }, businessKey: 'B', scope: '/44/' });
      const task = await openTask(f.engine, instanceId, 'childTask');
      expect(task).toMatchObject({ business_key: 'B', scope: '/44/' });
      expect(task.instance_id).not.toBe(instanceId);
      await f.engine.completeTask(task.id, { ignored: true });
      expect(await instanceState(f.engine, instanceId)).toBe('completed');
      expect(await f.engine.getVariables(instanceId)).toEqual({ x: 1, childResult: expected });
    }
  });

  it('should let the host choose the latest-bound called version for the caller\'s scope (variants)', async () => {
    // given two versions of a called process and a host rule that pins one scope to version 1
    const child = (value: number) => process('scoped_child', [start('cs'), `<bpmn:scriptTask id="calc"><bpmn:extensionElements><zeebe:script expression="=${value}" resultVariable="result"/></bpmn:extensionElements></bpmn:scriptTask>`,
      end('ce'), chain(['cs', 'calc', 'ce'], 'c')].join('\n'));
    const [v1] = await f.engine.deploy({ xml: child(1) });
    await f.engine.deploy({ xml: child(2) });
    const asked: Array<[string, string | null]> = [];
    const engine = createEngine({
      db: f.t.db, clock: f.clock, holidayCacheMs: 0,
      resolveLatestDefinition: async (_db, key, scope) => { asked.push([key, scope]); return scope === '/44/449/' ? v1.id : null; },
    });
    await engine.deploy({ xml: process('scoped_parent', [start(), `<bpmn:callActivity id="call"><bpmn:extensionElements>
<zeebe:calledElement processId="scoped_child" propagateAllChildVariables="false"/>
<zeebe:ioMapping><zeebe:output source="=result" target="childResult"/></zeebe:ioMapping></bpmn:extensionElements></bpmn:callActivity>`, end(), chain(['start', 'call', 'end'])].join('\n')) });
    // when the caller runs in the pinned scope and in another one
    const pinned = await engine.startInstance({ definitionKey: 'scoped_parent', scope: '/44/449/' });
    const other = await engine.startInstance({ definitionKey: 'scoped_parent', scope: '/44/' });
    // then the pinned scope calls version 1, the other falls back to the highest version
    expect(await engine.getVariables(pinned.instanceId)).toEqual({ childResult: 1 });
    expect(await engine.getVariables(other.instanceId)).toEqual({ childResult: 2 });
    expect(asked).toEqual([['scoped_child', '/44/449/'], ['scoped_child', '/44/']]);
  });

  it('should terminate the called instance when the call activity is interrupted', async () => {
    await f.engine.deploy({ xml: process('caller', [start(), `<bpmn:callActivity id="call"><bpmn:extensionElements>
<zeebe:calledElement processId="child"/></bpmn:extensionElements></bpmn:callActivity>`,
    `<bpmn:boundaryEvent id="to" attachedToRef="call">${timer('timeDuration', 'PT1H')}</bpmn:boundaryEvent>`,
    end(), end('te'), chain(['start', 'call', 'end']), flow('ft', 'to', 'te')].join('\n')) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'caller', variables: { input: 1 } });
    const childTask = await openTask(f.engine, instanceId, 'childTask');
    f.clock.advance(3_600_000);
    await f.engine.createJobExecutor().drain();
    expect(await instanceState(f.engine, instanceId)).toBe('completed');
    expect(await instanceState(f.engine, childTask.instance_id)).toBe('terminated');
    expect((await f.engine.getTask(childTask.id))?.state).toBe('cancelled');
    expect(await historyOf(f.engine, instanceId)).toEqual([
      'instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:call',
      'instance.started:', 'element.activated:cs', 'element.completed:cs', 'element.activated:calc',
      'element.completed:calc', 'element.activated:childTask', 'task.created:childTask', 'timer.fired:call',
      'task.cancelled:childTask', 'element.terminated:childTask', 'instance.terminated:', 'element.terminated:call',
      'element.activated:to', 'element.completed:to', 'element.activated:te', 'element.completed:te',
      'instance.completed:',
    ]);
  });

  it('should bind a call activity to the same deployment and propagate all child variables by default', async () => {
    // given: parent and child deployed together, then a newer child alone
    const childProcess = (value: string) => `<bpmn:process id="kid" isExecutable="true">${start('ks')}
<bpmn:scriptTask id="mark"><bpmn:extensionElements><zeebe:script expression="=&quot;${value}&quot;" resultVariable="fromChild"/></bpmn:extensionElements></bpmn:scriptTask>
${userTask('kidTask')}${end('ke')}${chain(['ks', 'mark', 'kidTask', 'ke'], 'k')}</bpmn:process>`;
    await f.engine.deploy({ xml: definitions(`${childProcess('first')}
<bpmn:process id="mom" isExecutable="true">${start()}<bpmn:callActivity id="call"><bpmn:extensionElements>
<zeebe:calledElement processId="kid" bindingType="deployment"/></bpmn:extensionElements></bpmn:callActivity>${end()}${chain(['start', 'call', 'end'])}</bpmn:process>`) });
    await f.engine.deploy({ xml: definitions(childProcess('second')) });
    // when
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'mom', variables: { shared: 1 } });
    const task = await openTask(f.engine, instanceId, 'kidTask');
    expect((await f.engine.getTaskVariables(task.id))?.all).toMatchObject({ shared: 1, fromChild: 'first' });
    await f.engine.completeTask(task.id, { answer: 42 });
    // then
    expect(await f.engine.getVariables(instanceId)).toEqual({ shared: 1, fromChild: 'first', answer: 42 });
    expect(await historyOf(f.engine, instanceId)).toEqual([
      ...PROLOGUE, 'element.activated:call', 'instance.started:', ...passes('ks', 'mark'), 'element.activated:kidTask',
      'task.created:kidTask', 'task.completed:kidTask', 'element.completed:kidTask', ...passes('ke'), 'instance.completed:',
      'element.completed:call', ...passes('end'), 'instance.completed:',
    ]);
  });
});
