import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain, end, flow, process, start, userTask } from './support/bpmn';
import { engineFixture, historyOf, instanceState, type EngineFixture } from './support/engine-fixture';

const mi = (sequential: boolean, completion = '') => `<bpmn:multiInstanceLoopCharacteristics isSequential="${sequential}">
<bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=reviewers" inputElement="reviewer" outputCollection="votes" outputElement="=vote"/></bpmn:extensionElements>
${completion ? `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${completion}</bpmn:completionCondition>` : ''}
</bpmn:multiInstanceLoopCharacteristics>`;

const miTask = (id: string, loop: string) => `<bpmn:userTask id="${id}"><bpmn:extensionElements>
<zeebe:assignmentDefinition assignee="=reviewer"/></bpmn:extensionElements>${loop}</bpmn:userTask>`;

describe('multi-instance', () => {
  let f: EngineFixture;
  beforeAll(async () => { f = await engineFixture(); });
  afterAll(async () => { await f.t.destroy(); });

  async function tasksOf(instanceId: string) {
    return (await f.engine.listTasks({ state: 'created', orderBy: 'created_at', filter: (qb) => qb.where('root_instance_id', '=', instanceId) })).items;
  }

  it('should run parallel instances and collect outputs in input order', async () => {
    await f.engine.deploy({ xml: process('mip', [start(), miTask('review', mi(false)), end(), chain(['start', 'review', 'end'])].join('\n')) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'mip', variables: { reviewers: ['an', 'binh', 'chi'] } });
    const tasks = await tasksOf(instanceId);
    expect(tasks.map((t) => t.assignee).sort()).toEqual(['an', 'binh', 'chi']);
    const local = await f.engine.getTaskVariables(tasks.find((t) => t.assignee === 'binh')!.id);
    expect(local?.local).toEqual({ reviewer: 'binh', loopCounter: 2 });
    // complete out of order
    for (const name of ['chi', 'an', 'binh']) {
      const task = tasks.find((t) => t.assignee === name)!;
      await f.engine.completeTask(task.id, { vote: `${name}-yes` });
    }
    expect(await instanceState(f.engine, instanceId)).toBe('completed');
    expect((await f.engine.getVariables(instanceId)).votes).toEqual(['an-yes', 'binh-yes', 'chi-yes']);
    // the body, then its three inner instances; each completion completes one inner; then the body
    const done = ['task.completed:review', 'element.completed:review'];
    expect(await historyOf(f.engine, instanceId)).toEqual([
      'instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:review',
      'element.activated:review', 'task.created:review', 'element.activated:review', 'task.created:review',
      'element.activated:review', 'task.created:review', ...done, ...done, ...done, 'element.completed:review',
      'element.activated:end', 'element.completed:end', 'instance.completed:',
    ]);
  });

  it('should run sequential instances one after another', async () => {
    await f.engine.deploy({ xml: process('mis', [start(), miTask('review', mi(true)), end(), chain(['start', 'review', 'end'])].join('\n')) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'mis', variables: { reviewers: ['an', 'binh'] } });
    let tasks = await tasksOf(instanceId);
    expect(tasks.map((t) => t.assignee)).toEqual(['an']);
    await f.engine.completeTask(tasks[0].id, { vote: 1 });
    tasks = await tasksOf(instanceId);
    expect(tasks.map((t) => t.assignee)).toEqual(['binh']);
    await f.engine.completeTask(tasks[0].id, { vote: 2 });
    expect((await f.engine.getVariables(instanceId)).votes).toEqual([1, 2]);
    expect(await historyOf(f.engine, instanceId)).toEqual([
      'instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:review',
      'element.activated:review', 'task.created:review', 'task.completed:review', 'element.completed:review',
      'element.activated:review', 'task.created:review', 'task.completed:review', 'element.completed:review',
      'element.completed:review', 'element.activated:end', 'element.completed:end', 'instance.completed:',
    ]);
  });

  it('should stop early when the completion condition holds and cancel the rest', async () => {
    await f.engine.deploy({ xml: process('mic', [start(), miTask('review', mi(false, '=numberOfCompletedInstances >= 2')), end(),
      chain(['start', 'review', 'end'])].join('\n')) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'mic', variables: { reviewers: ['a', 'b', 'c'] } });
    const tasks = (await tasksOf(instanceId)).sort((x, y) => String(x.assignee).localeCompare(String(y.assignee)));
    await f.engine.completeTask(tasks[0].id, { vote: 'x' });
    await f.engine.completeTask(tasks[1].id, { vote: 'y' });
    expect(await instanceState(f.engine, instanceId)).toBe('completed');
    expect((await f.engine.getTask(tasks[2].id))?.state).toBe('cancelled');
    expect((await f.engine.getVariables(instanceId)).votes).toEqual(['x', 'y', null]);
    expect(await historyOf(f.engine, instanceId)).toEqual([
      'instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:review',
      'element.activated:review', 'task.created:review', 'element.activated:review', 'task.created:review',
      'element.activated:review', 'task.created:review', 'task.completed:review', 'element.completed:review',
      'task.completed:review', 'element.completed:review', 'task.cancelled:review', 'element.terminated:review',
      'element.completed:review', 'element.activated:end', 'element.completed:end', 'instance.completed:',
    ]);
  });

  it('should complete immediately over an empty collection', async () => {
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'mip', variables: { reviewers: [] } });
    expect(await instanceState(f.engine, instanceId)).toBe('completed');
    expect((await f.engine.getVariables(instanceId)).votes).toEqual([]);
  });

  it('should join parallel branches inside each instance of a multi-instance subprocess', async () => {
    await f.engine.deploy({ xml: process('misub', [start(), `<bpmn:subProcess id="per">${mi(false)}
${start('ps')}<bpmn:parallelGateway id="fork"/>${userTask('check')}${userTask('sign')}<bpmn:parallelGateway id="join"/>${end('pe')}
${flow('p1', 'ps', 'fork')}${flow('p2', 'fork', 'check')}${flow('p3', 'fork', 'sign')}${flow('p4', 'check', 'join')}${flow('p5', 'sign', 'join')}${flow('p6', 'join', 'pe')}
</bpmn:subProcess>`, end(), chain(['start', 'per', 'end'])].join('\n')) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'misub', variables: { reviewers: ['a', 'b'] } });
    let tasks = await tasksOf(instanceId);
    expect(tasks).toHaveLength(4);
    // complete 'check' of both instances and 'sign' of one: that instance finishes, the other waits
    const byElement = (el: string) => tasks.filter((t) => t.element_id === el);
    await f.engine.completeTask(byElement('check')[0].id, { vote: 'c0' });
    await f.engine.completeTask(byElement('check')[1].id, { vote: 'c1' });
    await f.engine.completeTask(byElement('sign')[0].id);
    expect(await instanceState(f.engine, instanceId)).toBe('active');
    tasks = await tasksOf(instanceId);
    expect(tasks.map((t) => t.element_id)).toEqual(['sign']);
    await f.engine.completeTask(tasks[0].id);
    expect(await instanceState(f.engine, instanceId)).toBe('completed');
    expect(await historyOf(f.engine, instanceId)).toEqual([
      'instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:per',
      'element.activated:per', 'element.activated:per', 'element.activated:ps', 'element.completed:ps',
      'element.activated:ps', 'element.completed:ps', 'element.activated:fork', 'element.completed:fork',
      'element.activated:fork', 'element.completed:fork', 'element.activated:check', 'task.created:check',
      'element.activated:sign', 'task.created:sign', 'element.activated:check', 'task.created:check',
      'element.activated:sign', 'task.created:sign', 'task.completed:check', 'element.completed:check',
      'element.activated:join', 'task.completed:check', 'element.completed:check', 'element.activated:join',
      'task.completed:sign', 'element.completed:sign', 'element.activated:join', 'element.completed:join',
      'element.completed:join', 'element.activated:pe', 'element.completed:pe', 'element.completed:per',
      'task.completed:sign', 'element.completed:sign', 'element.activated:join', 'element.completed:join',
      'element.completed:join', 'element.activated:pe', 'element.completed:pe', 'element.completed:per',
      'element.completed:per', 'element.activated:end', 'element.completed:end', 'instance.completed:',
    ]);
  });
});
