import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain, definitions, end, flow, process, start, userTask } from './support/bpmn';
import { engineFixture, historyOf, instanceState, openTask, openTasks, type EngineFixture } from './support/engine-fixture';

const ASYNC = 'engine:async-continuation';
const PROLOGUE = ['instance.started:', 'element.activated:start', 'element.completed:start'];
const passes = (...ids: string[]) => ids.flatMap((id) => [`element.activated:${id}`, `element.completed:${id}`]);
const asyncProp = (name: 'asyncBefore' | 'asyncAfter') => `<zeebe:properties><zeebe:property name="${name}" value="true"/></zeebe:properties>`;

/** start → a (user) → calc (script, asyncBefore: doubled = amount * 2) → x (no default) → big | small → end */
const calcProcess = process('calcproc', [
  start(), userTask('a'),
  `<bpmn:scriptTask id="calc"><bpmn:extensionElements>${asyncProp('asyncBefore')}<zeebe:script expression="=amount * 2" resultVariable="doubled"/></bpmn:extensionElements></bpmn:scriptTask>`,
  '<bpmn:exclusiveGateway id="x"/>', userTask('big'), userTask('small'), end(), end('end2'),
  chain(['start', 'a', 'calc', 'x']), flow('fbig', 'x', 'big', '=doubled > 10'), flow('fsmall', 'x', 'small', '=doubled <= 10'),
  flow('fe1', 'big', 'end'), flow('fe2', 'small', 'end2'),
].join('\n'));

describe('async continuations', () => {
  let f: EngineFixture;
  beforeAll(async () => {
    f = await engineFixture();
    await f.engine.deploy({ xml: calcProcess });
  });
  afterAll(async () => { await f.t.destroy(); });

  const asyncJobs = (instanceId: string) => f.t.db.selectFrom('job').selectAll()
    .where('instance_id', '=', instanceId).where('type', '=', ASYNC).execute();

  it('should end the transaction before an asyncBefore activity and continue it in an executor job', async () => {
    // given
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'calcproc', variables: { amount: 10 } });
    // when: the task before the boundary completes
    const result = await f.engine.completeTask((await openTask(f.engine, instanceId, 'a')).id);
    // then: the command stops at the boundary; the token waits with a due job
    expect(result.taskIds).toEqual([]);
    const before = [...PROLOGUE, 'element.activated:a', 'task.created:a', 'task.completed:a', 'element.completed:a', 'job.created:calc'];
    expect(await historyOf(f.engine, instanceId)).toEqual(before);
    expect(await f.engine.getVariables(instanceId)).toEqual({ amount: 10 });
    const [job] = await asyncJobs(instanceId);
    expect(job).toMatchObject({ kind: 'async', element_id: 'calc', retries: 3, state: 'ready', payload: { boundary: 'before' } });
    // when: an executor picks it up
    expect(await f.engine.createJobExecutor({ workerId: 'w1' }).drain()).toBe(1);
    // then
    expect(await historyOf(f.engine, instanceId)).toEqual([
      ...before, 'job.completed:calc', ...passes('calc', 'x'), 'element.activated:big', 'task.created:big',
    ]);
    expect(await f.engine.getVariables(instanceId)).toEqual({ amount: 10, doubled: 20 });
    expect(await asyncJobs(instanceId)).toEqual([]);
  });

  it('should hand an async job to one executor only (SKIP LOCKED)', async () => {
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'calcproc', variables: { amount: 1 } });
    await f.engine.completeTask((await openTask(f.engine, instanceId, 'a')).id);
    const first = await f.engine.fetchAndLock('w1', [ASYNC], 60_000, 10);
    expect(first.map((job) => job.elementId)).toEqual(['calc']);
    expect(await f.engine.fetchAndLock('w2', [ASYNC], 60_000, 10)).toEqual([]);
    // the lock expires; another executor takes it and runs it
    f.clock.advance(60_001);
    expect(await f.engine.createJobExecutor({ workerId: 'w2' }).drain()).toBe(1);
    expect(await openTasks(f.engine, instanceId)).toEqual(['small']);
  });

  it('should roll a failure after the boundary back to the boundary, retry with backoff, then raise an incident', async () => {
    // given: no amount → no gateway condition holds after the boundary
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'calcproc', variables: {} });
    await f.engine.completeTask((await openTask(f.engine, instanceId, 'a')).id);
    const executor = f.engine.createJobExecutor({ workerId: 'w' });
    // when: the continuation fails three times (backoff 1 s, 2 s)
    expect(await executor.drain()).toBe(1);
    expect(await executor.drain()).toBe(0);
    f.clock.advance(1_000);
    expect(await executor.drain()).toBe(1);
    f.clock.advance(2_000);
    expect(await executor.drain()).toBe(1);
    // then: nothing after the boundary was written (no calc activation, no variable), the work before it stays
    const failed = [
      ...PROLOGUE, 'element.activated:a', 'task.created:a', 'task.completed:a', 'element.completed:a', 'job.created:calc',
      'job.failed:calc', 'job.failed:calc', 'job.failed:calc', 'incident.created:calc',
    ];
    expect(await historyOf(f.engine, instanceId)).toEqual(failed);
    expect(await f.engine.getVariables(instanceId)).toEqual({});
    const [job] = await asyncJobs(instanceId);
    expect(job).toMatchObject({ state: 'failed', retries: 0, attempts: 3 });
    expect(job.last_error).toContain('CONDITION_NO_MATCH');
    const incidents = await f.engine.listIncidents({ instanceId, state: 'open' });
    expect(incidents.items).toHaveLength(1);
    expect(incidents.items[0]).toMatchObject({ type: 'JOB_NO_RETRIES', element_id: 'calc', job_id: job.id });
    // when: the data is fixed and the incident retried
    await f.engine.setVariables(instanceId, { amount: 2 });
    await f.engine.retryIncident(incidents.items[0].id);
    expect(await executor.drain()).toBe(1);
    // then: the continuation runs from the boundary
    expect(await historyOf(f.engine, instanceId)).toEqual([
      ...failed, 'variables.updated:', 'incident.resolved:calc', 'job.completed:calc', ...passes('calc', 'x'),
      'element.activated:small', 'task.created:small',
    ]);
    expect(await f.engine.getVariables(instanceId)).toEqual({ amount: 2, doubled: 4 });
  });

  it('should end the transaction after an asyncAfter activity (camunda:asyncAfter tolerated) and take its flows in the job', async () => {
    // given
    await f.engine.deploy({ xml: definitions(`<bpmn:process id="after" isExecutable="true">${start()}
<bpmn:userTask id="a" camunda:asyncAfter="true"/>${end()}${chain(['start', 'a', 'end'])}</bpmn:process>`)
      .replace('xmlns:zeebe=', 'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:zeebe=') });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'after' });
    // when
    await f.engine.completeTask((await openTask(f.engine, instanceId, 'a')).id, { decision: 'ok' });
    // then: a is completed (its variables are in), the flow is not taken yet
    const before = [...PROLOGUE, 'element.activated:a', 'task.created:a', 'task.completed:a', 'element.completed:a', 'job.created:a'];
    expect(await historyOf(f.engine, instanceId)).toEqual(before);
    expect(await f.engine.getVariables(instanceId)).toEqual({ decision: 'ok' });
    expect(await instanceState(f.engine, instanceId)).toBe('active');
    // when
    await f.engine.createJobExecutor().drain();
    // then
    expect(await historyOf(f.engine, instanceId)).toEqual([...before, 'job.completed:a', ...passes('end'), 'instance.completed:']);
    expect(await instanceState(f.engine, instanceId)).toBe('completed');
  });

  it('should drop a waiting continuation when its instance is cancelled', async () => {
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'calcproc', variables: { amount: 3 } });
    await f.engine.completeTask((await openTask(f.engine, instanceId, 'a')).id);
    await f.engine.cancelInstance(instanceId);
    expect(await asyncJobs(instanceId)).toEqual([]);
    expect(await historyOf(f.engine, instanceId)).toEqual([
      ...PROLOGUE, 'element.activated:a', 'task.created:a', 'task.completed:a', 'element.completed:a', 'job.created:calc',
      'instance.cancelled:',
    ]);
  });

  it('should reject asyncBefore on an element that is not an activity, naming the element', async () => {
    await expect(f.engine.deploy({ xml: process('badasync', [
      start(), `<bpmn:exclusiveGateway id="g"><bpmn:extensionElements>${asyncProp('asyncBefore')}</bpmn:extensionElements></bpmn:exclusiveGateway>`,
      end(), chain(['start', 'g', 'end']),
    ].join('\n')) })).rejects.toMatchObject({
      code: 'DEPLOY_INVALID',
      details: { problems: [{ elementId: 'g', message: 'asyncBefore / asyncAfter is supported on activities only, not on exclusiveGateway' }] },
    });
  });
});
