import { idempotent, rememberResult } from '../plugins/idempotency.plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { assertValidFormData, deleteDraft, extractOutput, saveDraft, type FormsDb } from '../../forms/index';
import { appendAudit } from '../audit/audit.service';
import { accessibleWhere } from '../auth/casl-sql';
import { columnMaps } from '../auth/column-maps';
import { allows, callerOf, ensureCan } from '../auth/guard';
import { loadPrincipal } from '../auth/principal';
import { AppError } from '../errors';
import { notifyTaskAssigned } from '../mail/notifications';
import { enrichTasks } from '../services/task-enrich.service';
import { loadTaskForm, taskCandidatePeople, taskSubject, taskView, type TaskRow } from '../services/task-view.service';
import { engineTx } from '../workflow/engine-tx';
import { errorResponses, idParams, jsonObject, pageOf, paging, strictObject, uuid } from './schemas';

const tags = ['tasks'];
/**
 * The task list counts at most this many tasks (`totalCapped: true` beyond): a provincial office
 * sees thousands of open tasks and an exact count visits every one of them on each list.
 */
export const TASK_COUNT_CAP = 1000;

interface TaskListQuery {
  view?: 'mine' | 'groups' | 'all';
  state?: 'created' | 'completed' | 'cancelled';
  dueWithinHours?: string;
  overdue?: 'true' | 'false';
  definitionKey?: string;
  personId?: string;
  caseId?: string;
  instanceId?: string;
  communeCode?: string;
  q?: string;
  sort?: 'created_at' | 'due_at' | 'priority';
  limit?: string;
  offset?: string;
}

/** Task list (SQL-filtered by CASL), one-call task view, claim/unclaim/assign/delegate/draft/complete. */
export async function taskRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  const formsDb = db as unknown as FormsDb;

  async function loadTask(request: FastifyRequest<{ Params: { id: string } }>, action: Parameters<typeof ensureCan>[1]): Promise<TaskRow> {
    const task = (await app.engine.getTask(request.params.id)) as TaskRow | null;
    if (!task) throw new AppError('TASK_NOT_FOUND');
    await ensureCan(request, action, 'Task', { row: taskSubject(task), resourceId: task.id });
    return task;
  }
  const audit = (tx: unknown, request: FastifyRequest, action: string, task: TaskRow, detail: Record<string, unknown> = {}) =>
    appendAudit(tx as typeof db, { at: clock.now(), actorId: callerOf(request).principal.userId, action, resourceType: 'Task', resourceId: task.id, scope: task.scope, detail: { instanceId: task.instance_id, ...detail } });

  app.get<{ Querystring: TaskListQuery }>(
    '/api/tasks',
    {
      schema: {
        tags,
        summary: 'Tasks the caller may see: mine, my groups (unclaimed), all; due soon, overdue, by procedure, person, case',
        querystring: strictObject({
          view: { type: 'string', enum: ['mine', 'groups', 'all'] },
          state: { type: 'string', enum: ['created', 'completed', 'cancelled'] },
          dueWithinHours: { type: 'string', pattern: '^[0-9]{1,4}$' },
          overdue: { type: 'string', enum: ['true', 'false'] },
          definitionKey: { type: 'string', maxLength: 100 },
          personId: uuid,
          caseId: uuid,
          instanceId: uuid,
          communeCode: { type: 'string', pattern: '^[0-9A-Za-z-]{1,20}$' },
          q: { type: 'string', minLength: 1, maxLength: 100 },
          sort: { type: 'string', enum: ['created_at', 'due_at', 'priority'] },
          ...paging,
        }),
        response: errorResponses,
      },
    },
    async (request) => {
      const { ability, principal } = callerOf(request);
      const q = request.query;
      const now = clock.now();
      const { limit, offset } = pageOf(q);
      const page = await app.engine.listTasks({
        state: q.state ?? 'created',
        instanceId: q.instanceId,
        orderBy: q.sort ?? (q.overdue === 'true' || q.dueWithinHours ? 'due_at' : 'created_at'),
        limit,
        offset,
        countLimit: TASK_COUNT_CAP,
        filter: (qb) => {
          let f = qb.where(accessibleWhere(ability, 'read', 'Task', columnMaps.EngineTask));
          if (q.view === 'mine') f = f.where('task.assignee', '=', principal.userId);
          if (q.view === 'groups') {
            f = f.where('task.assignee', 'is', null).where((eb) =>
              eb.or([
                sql<boolean>`task.candidate_groups && ${sql.val(principal.candidateGroups)}::text[]`,
                sql<boolean>`${principal.userId} = ANY(task.candidate_users)`,
              ]),
            );
          }
          if (q.overdue === 'true') f = f.where('task.due_at', '<', now);
          if (q.dueWithinHours) f = f.where('task.due_at', '>=', now).where('task.due_at', '<=', new Date(now.getTime() + Number(q.dueWithinHours) * 3_600_000));
          if (q.definitionKey) f = f.where('task.definition_key', '=', q.definitionKey);
          // The commune is a segment of the task's jurisdiction path (/99/99101/ or /99/991/99101/).
          if (q.communeCode) f = f.where('task.scope', 'like', `%/${q.communeCode}/%`);
          if (q.q) {
            // Accent-insensitive (đ → d) over the step name, the case key and the person's name.
            const pattern = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
            f = f.where((eb) =>
              eb.or([
                sql<boolean>`f_unaccent(task.name) ILIKE f_unaccent(${pattern})`,
                sql<boolean>`f_unaccent(coalesce(task.business_key, '')) ILIKE f_unaccent(${pattern})`,
                sql<boolean>`task.root_instance_id IN (SELECT v.root_instance_id FROM variable v JOIN person p ON v.value = to_jsonb(p.id::text)
                  WHERE v.name = 'personId' AND f_unaccent(p.full_name) ILIKE f_unaccent(${pattern}))`,
              ]),
            );
          }
          for (const [name, value] of [['personId', q.personId], ['caseId', q.caseId]] as const) {
            if (value) {
              f = f.where('task.root_instance_id', 'in', (eb) =>
                eb.selectFrom('variable').select('variable.root_instance_id').where('variable.name', '=', name).where(sql<boolean>`variable.value = ${JSON.stringify(value)}::jsonb`),
              );
            }
          }
          return f;
        },
      });
      return { total: page.total, totalCapped: page.capped ?? false, items: await enrichTasks(app, page.items) };
    },
  );

  app.get<{ Params: { id: string } }>('/api/tasks/:id', { schema: { tags, summary: 'One task with its form, data (draft or pre-filled), variables and permitted actions', params: idParams, response: errorResponses } }, async (request) => {
    const task = await loadTask(request, 'read');
    const { ability, principal } = callerOf(request);
    await audit(db, request, 'task.read', task);
    const [enriched] = await enrichTasks(app, [task as TaskRow & { root_instance_id: string; definition_id: string; due_at: Date | null }]);
    return taskView(app, ability, principal, enriched as TaskRow);
  });

  app.get<{ Params: { id: string } }>('/api/tasks/:id/candidates', { schema: { tags, summary: 'Users a task can be assigned or delegated to (its candidates)', params: idParams, response: errorResponses } }, async (request) => {
    const { principal } = callerOf(request);
    const task = (await app.engine.getTask(request.params.id)) as TaskRow | null;
    if (!task) throw new AppError('TASK_NOT_FOUND');
    if (task.assignee !== principal.userId) await ensureCan(request, 'assign', 'Task', { row: taskSubject(task), resourceId: task.id });
    return { items: await taskCandidatePeople(db, task) };
  });

  app.post<{ Params: { id: string } }>('/api/tasks/:id/claim', { config: idempotent, schema: { tags, summary: 'Claim an unassigned task', params: idParams, response: errorResponses } }, async (request) => {
    const task = await loadTask(request, 'claim');
    const { principal } = callerOf(request);
    if (task.assignee && task.assignee !== principal.userId) throw new AppError('TASK_ALREADY_CLAIMED');
    await db.transaction().execute(async (tx) => {
      await app.engine.claimTask(task.id, principal.userId, { tx: engineTx(tx), actor: principal.userId });
      await audit(tx, request, 'task.claimed', task);
      await rememberResult(tx, request, 200, { ok: true });
    });
    return { ok: true };
  });

  app.post<{ Params: { id: string } }>('/api/tasks/:id/unclaim', { config: idempotent, schema: { tags, summary: 'Give a task back to its groups', params: idParams, response: errorResponses } }, async (request) => {
    const task = await loadTask(request, 'unclaim');
    const { principal } = callerOf(request);
    await db.transaction().execute(async (tx) => {
      await app.engine.unclaimTask(task.id, { tx: engineTx(tx), actor: principal.userId });
      await audit(tx, request, 'task.unclaimed', task);
      await rememberResult(tx, request, 200, { ok: true });
    });
    return { ok: true };
  });

  for (const kind of ['assign', 'delegate'] as const) {
    app.post<{ Params: { id: string }; Body: { userId: string } }>(
      `/api/tasks/:id/${kind}`,
      { config: idempotent, schema: { tags, summary: kind === 'assign' ? 'Assign to a user who is a candidate (supervisors)' : 'Delegate to another candidate', params: idParams, body: strictObject({ userId: uuid }, ['userId']), response: errorResponses } },
      async (request) => {
        const { principal } = callerOf(request);
        const task = (await app.engine.getTask(request.params.id)) as TaskRow | null;
        if (!task) throw new AppError('TASK_NOT_FOUND');
        // The assignee may delegate their own task; otherwise supervisors/admins assign.
        const own = kind === 'delegate' && task.assignee === principal.userId;
        if (!own) await ensureCan(request, 'assign', 'Task', { row: taskSubject(task), resourceId: task.id });
        const target = await loadPrincipal(db, request.body.userId);
        if (!target) throw new AppError('USER_NOT_FOUND');
        const candidate = target.candidateGroups.some((g) => task.candidate_groups.includes(g)) || task.candidate_users.includes(target.userId);
        if (!candidate) throw new AppError('TASK_NOT_ASSIGNABLE', { reason: 'not a candidate' });
        await db.transaction().execute(async (tx) => {
          if (kind === 'assign') await app.engine.assignTask(task.id, target.userId, { tx: engineTx(tx), actor: principal.userId });
          else await app.engine.delegateTask(task.id, target.userId, { tx: engineTx(tx), actor: principal.userId });
          await audit(tx, request, `task.${kind}ed`, task, { to: target.userId });
          await notifyTaskAssigned(app, tx, target, task);
          await rememberResult(tx, request, 200, { ok: true });
        });
        return { ok: true };
      },
    );
  }

  app.put<{ Params: { id: string }; Body: { data: Record<string, unknown> } }>(
    '/api/tasks/:id/draft',
    { schema: { tags, summary: 'Save the form data as a draft (checked loosely)', params: idParams, body: strictObject({ data: jsonObject }, ['data']), response: errorResponses } },
    async (request) => {
      const task = await loadTask(request, 'read');
      const { principal, ability } = callerOf(request);
      const mayWork = task.assignee === principal.userId || (!task.assignee && allows(ability, 'claim', 'Task', { row: taskSubject(task) }));
      if (!mayWork) await ensureCan(request, 'complete', 'Task', { row: taskSubject(task), resourceId: task.id });
      if (task.state !== 'created') throw new AppError('TASK_ALREADY_COMPLETED');
      const form = await loadTaskForm(app, task.form_key);
      if (!form) throw new AppError('FORM_NOT_FOUND');
      const draft = await saveDraft(formsDb, { taskId: task.id, form, data: request.body.data, updatedBy: principal.userId, clock });
      return { savedAt: draft.updatedAt };
    },
  );

  app.post<{ Params: { id: string }; Body: { data?: Record<string, unknown>; variables?: Record<string, unknown> } }>(
    '/api/tasks/:id/complete',
    { config: idempotent, schema: { tags, summary: 'Complete the task with its form data (validated on the server; computed fields recomputed)', params: idParams, body: strictObject({ data: jsonObject, variables: jsonObject }), response: { ...errorResponses, 422: { $ref: 'errorBody#' } } } },
    async (request) => {
      const task = await loadTask(request, 'read');
      const { principal, ability } = callerOf(request);
      if (task.state !== 'created') throw new AppError('TASK_ALREADY_COMPLETED');
      const claimable = !task.assignee && allows(ability, 'claim', 'Task', { row: taskSubject(task) });
      // A candidate who lost the race to another's claim gets a conflict, not an access denial.
      if (task.assignee && task.assignee !== principal.userId && allows(ability, 'claim', 'Task', { row: taskSubject(task) })) throw new AppError('TASK_ALREADY_CLAIMED');
      if (task.assignee !== principal.userId && !claimable) await ensureCan(request, 'complete', 'Task', { row: taskSubject(task), resourceId: task.id });
      const form = await loadTaskForm(app, task.form_key);
      let variables: Record<string, unknown> = {};
      if (form) {
        const data = assertValidFormData(form, request.body.data ?? {});
        variables = extractOutput(form, data);
      } else if (request.body.variables) {
        variables = request.body.variables;
      }
      await db.transaction().execute(async (tx) => {
        if (!task.assignee) await app.engine.claimTask(task.id, principal.userId, { tx: engineTx(tx), actor: principal.userId });
        await app.engine.completeTask(task.id, variables, { tx: engineTx(tx), actor: principal.userId });
        await deleteDraft(tx as unknown as FormsDb, task.id);
        await audit(tx, request, 'task.completed', task, { variables: Object.keys(variables) });
        await rememberResult(tx, request, 200, { ok: true });
      });
      return { ok: true };
    },
  );
}
