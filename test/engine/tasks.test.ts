import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain, end, process, start, timer, userTask } from './support/bpmn';
import { engineFixture, historyOf, openTask, type EngineFixture } from './support/engine-fixture';

const TET_2026 = ['2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22'];

const assigned = userTask('determine', `<zeebe:assignmentDefinition candidateGroups="=&quot;police:&quot; + communeCode" candidateUsers="u1, u2"/>
<zeebe:formDefinition formId="determination.request"/>
<zeebe:taskSchedule dueDate="=add working days(today(), 5)" followUpDate="=add working days(today(), 3)"/>
<zeebe:priorityDefinition priority="=if urgent then 80 else 40"/>
<zeebe:ioMapping><zeebe:input source="=&quot;Hồ sơ &quot; + caseId" target="title"/></zeebe:ioMapping>`);

describe('user tasks', () => {
  let f: EngineFixture;
  beforeAll(async () => {
    f = await engineFixture('2026-02-12T09:00:00+07:00');
    for (const date of TET_2026) await f.engine.setHoliday(date, 'Tết Nguyên Đán');
    await f.engine.deploy({ xml: process('ut', [start(), assigned, end(), chain(['start', 'determine', 'end'])].join('\n')) });
  });
  afterAll(async () => { await f.t.destroy(); });

  it('should create a task with FEEL assignment, form, working-day due dates across Tết, priority and local inputs', async () => {
    // given: Thursday 12 Feb 2026, Tết holidays 14–22 Feb
    const { instanceId } = await f.engine.startInstance({
      definitionKey: 'ut', variables: { communeCode: '19300', caseId: 'C7', urgent: true }, businessKey: 'C7', scope: '/44/19300/',
    });
    // when
    const task = await openTask(f.engine, instanceId, 'determine');
    // then: 13 Feb (Fri) = 1, then 23–26 Feb = 5 → due at the end of 26 Feb local time; follow-up 24 Feb
    expect(task).toMatchObject({
      name: 'determine', form_key: 'determination.request', candidate_groups: ['police:19300'], candidate_users: ['u1', 'u2'],
      priority: 80, business_key: 'C7', scope: '/44/19300/', state: 'created', assignee: null,
    });
    expect(task.due_at?.toISOString()).toBe('2026-02-26T16:59:59.999Z');
    expect(task.follow_up_at?.toISOString()).toBe('2026-02-24T16:59:59.999Z');
    expect((await f.engine.getTaskVariables(task.id))?.local).toEqual({ title: 'Hồ sơ C7' });
  });

  it('should filter task lists with a caller-provided kysely condition (scope, candidate groups)', async () => {
    await f.engine.startInstance({ definitionKey: 'ut', variables: { communeCode: '20000', caseId: 'X', urgent: false }, scope: '/45/20000/' });
    const mine = await f.engine.listTasks({ state: 'created', filter: (qb) => qb.where('scope', 'like', '/44/%') });
    expect(mine.items.every((t) => t.scope?.startsWith('/44/'))).toBe(true);
    expect(mine.total).toBeGreaterThan(0);
    const police = await f.engine.listTasks({ candidateGroups: ['police:20000'] });
    expect(police.items.map((t) => t.scope)).toEqual(['/45/20000/']);
    const paged = await f.engine.listTasks({ limit: 1, offset: 1 });
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBe(2);
  });

  it('should claim, refuse a second claimer, delegate, unclaim and assign', async () => {
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'ut', variables: { communeCode: '1', caseId: 'A', urgent: false } });
    const task = await openTask(f.engine, instanceId);
    await f.engine.claimTask(task.id, 'lan', { actor: 'lan' });
    await expect(f.engine.claimTask(task.id, 'minh')).rejects.toMatchObject({ code: 'TASK_NOT_ASSIGNABLE' });
    await f.engine.delegateTask(task.id, 'minh', { actor: 'lan' });
    expect((await f.engine.getTask(task.id))?.assignee).toBe('minh');
    await f.engine.unclaimTask(task.id);
    await expect(f.engine.delegateTask(task.id, 'x')).rejects.toMatchObject({ code: 'TASK_NOT_ASSIGNABLE' });
    await f.engine.assignTask(task.id, 'hoa', { actor: 'supervisor' });
    const row = await f.engine.getTask(task.id);
    expect(row?.assignee).toBe('hoa');
    expect(row?.claimed_at).not.toBeNull();
    await f.engine.completeTask(task.id, { decision: 'ok' }, { actor: 'hoa' });
    expect(await f.engine.getTask(task.id)).toMatchObject({ state: 'completed', completed_by: 'hoa' });
    await expect(f.engine.completeTask(task.id)).rejects.toMatchObject({ code: 'TASK_ALREADY_COMPLETED' });
    await expect(f.engine.completeTask('00000000-0000-0000-0000-000000000000')).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
    expect(await historyOf(f.engine, instanceId)).toEqual([
      'instance.started:', 'element.activated:start', 'element.completed:start', 'element.activated:determine',
      'task.created:determine', 'task.claimed:determine', 'task.delegated:determine', 'task.unclaimed:determine',
      'task.assigned:determine', 'task.completed:determine', 'element.completed:determine', 'element.activated:end',
      'element.completed:end', 'instance.completed:',
    ]);
    const actors = await f.engine.listHistory({ instanceId, types: ['task.completed'] });
    expect(actors.items[0].actor).toBe('hoa');
  });

  it('should compose with the caller transaction (rolled back together)', async () => {
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'ut', variables: { communeCode: '1', caseId: 'T', urgent: false } });
    const task = await openTask(f.engine, instanceId);
    await expect(f.t.db.transaction().execute(async (tx) => {
      await f.engine.completeTask(task.id, {}, { tx, actor: 'x' });
      await sql`SELECT 1`.execute(tx);
      throw new Error('audit write failed');
    })).rejects.toThrow('audit write failed');
    expect((await f.engine.getTask(task.id))?.state).toBe('created');
  });

  it('should reject a start of an unknown process with DEFINITION_NOT_FOUND', async () => {
    await expect(f.engine.startInstance({ definitionKey: 'nope' })).rejects.toMatchObject({ code: 'DEFINITION_NOT_FOUND' });
    await expect(f.engine.cancelInstance('00000000-0000-0000-0000-000000000000')).rejects.toMatchObject({ code: 'INSTANCE_NOT_FOUND' });
  });

  it('should fire a working-day timer after the Tết holidays, driven by the clock', async () => {
    // given: Thursday 12 Feb 2026 09:00 (+07); 2 working days later is Monday 23 Feb (13 Feb, then Tết until 22 Feb)
    f.clock.set('2026-02-12T09:00:00+07:00');
    await f.engine.deploy({ xml: process('sla', [start(),
      `<bpmn:intermediateCatchEvent id="wait">${timer('timeDate', '=add working days(today(), 2)')}</bpmn:intermediateCatchEvent>`,
      end(), chain(['start', 'wait', 'end'])].join('\n')) });
    const { instanceId } = await f.engine.startInstance({ definitionKey: 'sla' });
    const executor = f.engine.createJobExecutor();
    // when / then
    f.clock.set('2026-02-22T23:59:00+07:00');
    expect(await executor.drain()).toBe(0);
    f.clock.set('2026-02-23T00:00:00+07:00');
    expect(await executor.drain()).toBe(1);
    expect((await f.engine.getInstance(instanceId))?.state).toBe('completed');
  });
});
