import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BpmnError } from '../../engine/index';
import { chain, definitions, end, flow, process, serviceTask, start } from './support/bpmn';
import { engineFixture, historyOf, instanceState, type EngineFixture } from './support/engine-fixture';

describe('jobs, workers and incidents', () => {
  let f: EngineFixture;
  beforeAll(async () => {
    f = await engineFixture();
    await f.engine.deploy({ xml: process('svc', [start(), serviceTask('lookup', 'person-lookup',
      '<zeebe:taskHeaders><zeebe:header key="source" value="national-db"/></zeebe:taskHeaders>'), end(), chain(['start', 'lookup', 'end'])].join('\n')) });
  });
  afterAll(async () => { await f.t.destroy(); });

  it('should run a service task through an in-process worker and merge its variables', async () => {
    const executor = f.engine.createJobExecutor({ workerId: 'in-proc' });
    f.engine.registerWorker('person-lookup', (job) => {
      expect(job.payload.headers).toEqual({ source: 'national-db' });
      return { person: { name: `P-${String(job.variables.cccd)}` } };
    });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'svc', variables: { cccd: '001' } });
    expect(await executor.drain()).toBe(1);
    expect(await instanceState(f.engine, instanceId)).toBe('completed');
    expect(await f.engine.getVariables(instanceId)).toEqual({ cccd: '001', person: { name: 'P-001' } });
    expect(await historyOf(f.engine, instanceId)).toEqual([
      'instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:lookup',
      'job.created:lookup', 'job.completed:lookup', 'element.completed:lookup', 'element.activated:end',
      'element.completed:end', 'instance.completed:',
    ]);
  });

  it('should retry with backoff, then raise an incident that can be retried', async () => {
    let calls = 0;
    let fail = true;
    f.engine.registerWorker('person-lookup', () => {
      calls += 1;
      if (fail) throw new Error('registry down');
      return { ok: true };
    });
    const executor = f.engine.createJobExecutor({ workerId: 'w' });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'svc' });
    await executor.drain();
    expect(calls).toBe(1);
    await executor.drain();
    expect(calls).toBe(1); // backoff: not due yet
    f.clock.advance(1_000);
    await executor.drain();
    f.clock.advance(2_000);
    await executor.drain();
    expect(calls).toBe(3);
    const incidents = await f.engine.listIncidents({ instanceId, state: 'open' });
    expect(incidents.items).toHaveLength(1);
    expect(incidents.items[0]).toMatchObject({ type: 'JOB_NO_RETRIES', message: 'registry down', element_id: 'lookup' });
    fail = false;
    await f.engine.retryIncident(incidents.items[0].id, { retries: 1 });
    await executor.drain();
    expect(await instanceState(f.engine, instanceId)).toBe('completed');
    expect(await historyOf(f.engine, instanceId)).toEqual([
      'instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:lookup',
      'job.created:lookup', 'job.failed:lookup', 'job.failed:lookup', 'job.failed:lookup', 'incident.created:lookup',
      'incident.resolved:lookup', 'job.completed:lookup', 'element.completed:lookup', 'element.activated:end',
      'element.completed:end', 'instance.completed:',
    ]);
  });

  it('should serve external workers with fetchAndLock / completeJob / failJob and check the lock owner', async () => {
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'svc', variables: { cccd: '9' } });
    const [job] = await f.engine.fetchAndLock('ext-1', ['person-lookup'], 30_000, 5);
    expect(job).toMatchObject({ type: 'person-lookup', elementId: 'lookup', variables: { cccd: '9' }, lockOwner: 'ext-1' });
    expect(await f.engine.fetchAndLock('ext-2', ['person-lookup'], 30_000, 5)).toEqual([]);
    await expect(f.engine.completeJob(job.id, {}, { workerId: 'ext-2' })).rejects.toMatchObject({ code: 'JOB_NOT_LOCKED' });
    await f.engine.failJob(job.id, { errorMessage: 'try later', retries: 2, backoffMs: 0 }, { workerId: 'ext-1' });
    const [again] = await f.engine.fetchAndLock('ext-2', ['person-lookup'], 30_000, 5);
    await f.engine.completeJob(again.id, { found: true }, { workerId: 'ext-2' });
    expect(await instanceState(f.engine, instanceId)).toBe('completed');
    await expect(f.engine.completeJob(again.id)).rejects.toMatchObject({ code: 'JOB_NOT_FOUND' });
  });

  it('should re-acquire a job whose lock expired', async () => {
    await f.engine.startInstance({ definitionKey: 'svc' });
    const [job] = await f.engine.fetchAndLock('dead-worker', ['person-lookup'], 10_000, 1);
    f.clock.advance(10_001);
    const [again] = await f.engine.fetchAndLock('alive', ['person-lookup'], 10_000, 1);
    expect(again.id).toBe(job.id);
    await f.engine.completeJob(again.id, {}, { workerId: 'alive' });
  });

  it('should route a BpmnError from a worker to an error boundary', async () => {
    await f.engine.deploy({ xml: definitions(`<bpmn:error id="nf" errorCode="NOT_FOUND"/>
<bpmn:process id="svcerr" isExecutable="true">${start()}${serviceTask('lookup2', 'lookup-or-fail')}
<bpmn:boundaryEvent id="missing" attachedToRef="lookup2"><bpmn:errorEventDefinition errorRef="nf"/></bpmn:boundaryEvent>
${end()}${end('manual')}${chain(['start', 'lookup2', 'end'])}${flow('fm', 'missing', 'manual')}</bpmn:process>`) });
    f.engine.registerWorker('lookup-or-fail', () => { throw new BpmnError('NOT_FOUND', 'no such person', { searched: true }); });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'svcerr' });
    await f.engine.createJobExecutor().drain();
    expect(await historyOf(f.engine, instanceId)).toEqual([
      'instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:lookup2',
      'job.created:lookup2', 'error.thrown:lookup2', 'element.terminated:lookup2', 'element.activated:missing', 'element.completed:missing',
      'element.activated:manual', 'element.completed:manual', 'instance.completed:',
    ]);
    expect(await f.engine.getVariables(instanceId)).toEqual({ searched: true });
  });

  it('should run generic outbox jobs enqueued in the caller transaction, exactly once', async () => {
    const sent: string[] = [];
    f.engine.registerWorker('email', (job) => { sent.push(String(job.payload.to)); });
    await f.t.db.transaction().execute(async (tx) => {
      await f.engine.enqueueJob(tx, { type: 'email', payload: { to: 'a@x.vn' }, retries: 5 });
    });
    await expect(f.t.db.transaction().execute(async (tx) => {
      await f.engine.enqueueJob(tx, { type: 'email', payload: { to: 'rolled-back@x.vn' } });
      throw new Error('rollback');
    })).rejects.toThrow('rollback');
    const executor = f.engine.createJobExecutor();
    await executor.drain();
    await executor.drain();
    expect(sent).toEqual(['a@x.vn']);
    expect(await f.t.db.selectFrom('job').selectAll().where('type', '=', 'email').execute()).toHaveLength(0);
  });

  it('should evaluate business rule and script tasks with FEEL', async () => {
    await f.engine.deploy({ xml: process('rule', [start(), `<bpmn:businessRuleTask id="classify"><bpmn:extensionElements><zeebe:properties>
<zeebe:property name="expression" value="=if count(criteria[item = true]) &gt;= 2 then &quot;nghiện&quot; else &quot;không&quot;"/>
<zeebe:property name="resultVariable" value="conclusion"/></zeebe:properties></bpmn:extensionElements></bpmn:businessRuleTask>`,
    end(), chain(['start', 'classify', 'end'])].join('\n')) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'rule', variables: { criteria: [true, false, true] } });
    expect((await f.engine.getVariables(instanceId)).conclusion).toBe('nghiện');
  });

  it('should poll with start() and stop() cleanly', async () => {
    f.engine.registerWorker('person-lookup', () => ({ polled: true }));
    const executor = f.engine.createJobExecutor({ workerId: 'poller', pollIntervalMs: 20 });
    executor.start();
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'svc' });
    for (let i = 0; i < 100 && (await instanceState(f.engine, instanceId)) !== 'completed'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await executor.stop();
    expect(await instanceState(f.engine, instanceId)).toBe('completed');
    expect((await f.engine.getVariables(instanceId)).polled).toBe(true);
  });
});
