import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain, definitions, end, message, start, userTask } from './support/bpmn';
import { engineFixture, historyOf, instanceState, openTask, type EngineFixture } from './support/engine-fixture';

const passes = (...ids: string[]) => ids.flatMap((id) => [`element.activated:${id}`, `element.completed:${id}`]);
const props = (entries: Record<string, string>) => `<zeebe:properties>${Object.entries(entries)
  .map(([name, value]) => `<zeebe:property name="${name}" value="${value}"/>`).join('')}</zeebe:properties>`;

/** receiver: rs → recv (message 'result', key = caseId) → re */
const receiver = `<bpmn:process id="receiver" isExecutable="true">${start('rs')}<bpmn:receiveTask id="recv" messageRef="m"/>${end('re')}
${chain(['rs', 'recv', 're'], 'r')}</bpmn:process>`;
const RECEIVED = ['instance.started:', ...passes('rs'), 'element.activated:recv', 'message.correlated:recv', 'element.completed:recv',
  ...passes('re'), 'instance.completed:'];

describe('message throw without a job type', () => {
  let f: EngineFixture;
  beforeAll(async () => { f = await engineFixture(); });
  afterAll(async () => { await f.t.destroy(); });

  it('should publish exactly the io-mapping inputs of an intermediate throw event, with the correlation key', async () => {
    // given
    await f.engine.deploy({ xml: definitions(`${message('m', 'result', '=caseId')}${receiver}
<bpmn:process id="thrower" isExecutable="true">${start()}
<bpmn:intermediateThrowEvent id="send"><bpmn:extensionElements><zeebe:ioMapping>
<zeebe:input source="=amount * 2" target="doubled"/><zeebe:input source="=caseId" target="ref"/></zeebe:ioMapping></bpmn:extensionElements>
<bpmn:messageEventDefinition messageRef="m"/></bpmn:intermediateThrowEvent>${end()}${chain(['start', 'send', 'end'])}</bpmn:process>`) });
    const waiting = await f.engine.startInstance({ definitionKey: 'receiver', variables: { caseId: 'K1' } });
    const other = await f.engine.startInstance({ definitionKey: 'receiver', variables: { caseId: 'K2' } });
    // when
    const sender = await f.engine.startInstance({ definitionKey: 'thrower', variables: { caseId: 'K1', amount: 5, secret: 'x' } });
    await f.engine.createJobExecutor().drain();
    // then: only the mapped values travel, only to the instance with the key
    expect(await f.engine.getVariables(waiting.instanceId)).toEqual({ caseId: 'K1', doubled: 10, ref: 'K1' });
    expect(await historyOf(f.engine, waiting.instanceId)).toEqual(RECEIVED);
    expect(await instanceState(f.engine, other.instanceId)).toBe('active');
    expect(await historyOf(f.engine, sender.instanceId)).toEqual([
      'instance.started:', ...passes('start', 'send', 'end'), 'instance.completed:',
    ]);
    expect(await f.engine.getVariables(sender.instanceId)).toEqual({ caseId: 'K1', amount: 5, secret: 'x' });
  });

  it('should publish all visible variables from a message end event without input mappings', async () => {
    // given
    await f.engine.deploy({ xml: definitions(`${message('m', 'result', '=caseId')}${receiver}
<bpmn:process id="ender" isExecutable="true">${start()}${userTask('decide')}
<bpmn:endEvent id="end"><bpmn:messageEventDefinition messageRef="m"/></bpmn:endEvent>${chain(['start', 'decide', 'end'])}</bpmn:process>`) });
    const waiting = await f.engine.startInstance({ definitionKey: 'receiver', variables: { caseId: 'K3' } });
    const sender = await f.engine.startInstance({ definitionKey: 'ender', variables: { caseId: 'K3' } });
    // when
    await f.engine.completeTask((await openTask(f.engine, sender.instanceId, 'decide')).id, { decision: 'approved' });
    await f.engine.createJobExecutor().drain();
    // then
    expect(await f.engine.getVariables(waiting.instanceId)).toEqual({ caseId: 'K3', decision: 'approved' });
    expect(await historyOf(f.engine, waiting.instanceId)).toEqual(RECEIVED);
    expect(await historyOf(f.engine, sender.instanceId)).toEqual([
      'instance.started:', ...passes('start'), 'element.activated:decide', 'task.created:decide', 'task.completed:decide',
      'element.completed:decide', ...passes('end'), 'instance.completed:',
    ]);
  });

  it('should use a correlationKey property and buffer the message for messageTtl when nothing waits yet', async () => {
    // given: the thrower keys on its own variable name; the receiver starts later
    await f.engine.deploy({ xml: definitions(`${message('m', 'result', '=caseId')}${receiver}
<bpmn:process id="early" isExecutable="true">${start()}
<bpmn:intermediateThrowEvent id="send"><bpmn:extensionElements>${props({ correlationKey: '=targetCase', messageTtl: 'PT1H' })}
<zeebe:ioMapping><zeebe:input source="=&quot;ready&quot;" target="status"/></zeebe:ioMapping></bpmn:extensionElements>
<bpmn:messageEventDefinition messageRef="m"/></bpmn:intermediateThrowEvent>${end()}${chain(['start', 'send', 'end'])}</bpmn:process>`) });
    await f.engine.startInstance({ definitionKey: 'early', variables: { targetCase: 'K4' } });
    await f.engine.createJobExecutor().drain();
    expect(await f.t.db.selectFrom('message_buffer').select(['name', 'correlation_key', 'variables']).execute())
      .toEqual([{ name: 'result', correlation_key: 'K4', variables: { status: 'ready' } }]);
    // when
    const late = await f.engine.startInstance({ definitionKey: 'receiver', variables: { caseId: 'K4' } });
    // then
    expect(await f.engine.getVariables(late.instanceId)).toEqual({ caseId: 'K4', status: 'ready' });
    expect(await instanceState(f.engine, late.instanceId)).toBe('completed');
  });

  it('should reject a messageTtl that is not a duration, naming the element', async () => {
    await expect(f.engine.deploy({ xml: definitions(`${message('m', 'result', '=caseId')}
<bpmn:process id="badttl" isExecutable="true">${start()}
<bpmn:intermediateThrowEvent id="send"><bpmn:extensionElements>${props({ messageTtl: 'one hour' })}</bpmn:extensionElements>
<bpmn:messageEventDefinition messageRef="m"/></bpmn:intermediateThrowEvent>${end()}${chain(['start', 'send', 'end'])}</bpmn:process>`) }))
      .rejects.toMatchObject({
        code: 'DEPLOY_INVALID', details: { problems: [{ elementId: 'send', message: 'messageTtl one hour is not an ISO 8601 duration' }] },
      });
  });
});
