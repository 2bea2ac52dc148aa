import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Variables } from './behaviors/behavior.types';
import { systemClock, type Clock } from './clock';
import type { CommandOptions } from './commands/command-runner';
import type { RawPool } from './commands/command-session';
import { broadcastSignal, correlateMessage, type CorrelateMessageInput } from './commands/event.commands';
import { retryIncident, resolveIncident } from './commands/incident.commands';
import {
  cancelInstance, modifyInstance, setVariables, startInstance, type ModifyInstanceInput, type StartInstanceInput,
} from './commands/instance.commands';
import {
  completeJob, enqueueJob, failJob, fetchAndLock, throwJobError, type EnqueueJobInput, type FailJobInput,
} from './commands/job.commands';
import { assignTask, claimTask, completeTask, delegateTask, unclaimTask } from './commands/task.commands';
import { planMigration, migrateInstance, type MigrationInput } from './admin/instance-migration';
import { deploy, validate, type DeployInput } from './deploy/deployer';
import { GraphCache, HolidayCache, type Db, type EngineContext, type LatestDefinitionResolver } from './engine-context';
import { BusinessCalendar } from './feel/business-calendar';
import { FeelEvaluator, type FeelFunction } from './feel/feel-evaluator';
import { JobExecutor, type JobExecutorOptions, type JobHandler } from './jobs/job-executor';
import * as queries from './queries/engine.queries';
import type { EngineDatabase } from './schema/engine-db.types';

export interface EngineOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the server's schema includes the engine's tables
  db: Kysely<any>;
  clock?: Clock;
  newId?: () => string;
  /** extra FEEL functions available in every expression */
  feelFunctions?: Record<string, FeelFunction>;
  /** time zone of day arithmetic (default Asia/Ho_Chi_Minh) */
  timeZone?: string;
  /** how long the holiday list is cached (ms, default 60 s) */
  holidayCacheMs?: number;
  /**
   * The node-postgres Pool behind `db` (optional). Commands that open their own transaction then
   * send BEGIN with their first statement and the diff with COMMIT: 2 round trips instead of 3.
   */
  pool?: RawPool;
  /** the version a `latest`-bound call activity starts for the caller's scope (variants); default: highest version */
  resolveLatestDefinition?: LatestDefinitionResolver;
}

export type Engine = ReturnType<typeof createEngine>;

/** Options of every command: the caller's transaction (any kysely Transaction) and the actor for history. */
export interface PublicOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a Transaction of the server's schema
  tx?: Kysely<any>;
  actor?: string | null;
}

/** The engine's public facade: commands, queries, jobs, calendar. Stateless between commands. */
export function createEngine(options: EngineOptions) {
  const db = options.db as Kysely<EngineDatabase>;
  const clock = options.clock ?? systemClock;
  const calendar = new BusinessCalendar(options.timeZone ?? 'Asia/Ho_Chi_Minh');
  const ctx: EngineContext = {
    db, clock, calendar,
    feel: new FeelEvaluator(clock, calendar, options.feelFunctions ?? {}),
    graphs: new GraphCache(db, options.resolveLatestDefinition),
    newId: options.newId ?? randomUUID,
    holidays: new HolidayCache(calendar, options.holidayCacheMs ?? 60_000),
    pool: options.pool,
  };
  const handlers = new Map<string, JobHandler>();
  const asDb = (tx: unknown): Db | undefined => tx as Db | undefined;
  const opts = (o: PublicOptions = {}): CommandOptions => ({ ...o, tx: asDb(o.tx) });

  return {
    context: ctx,
    // deployment
    deploy: (input: DeployInput, o?: PublicOptions) => deploy(ctx, input, opts(o)),
    validate: (input: Pick<DeployInput, 'xml' | 'formExists'>) => validate(input),
    // instances
    startInstance: (input: StartInstanceInput, o?: PublicOptions) => startInstance(ctx, input, opts(o)),
    cancelInstance: (instanceId: string, o?: PublicOptions) => cancelInstance(ctx, instanceId, opts(o)),
    setVariables: (instanceId: string, variables: Variables, o?: PublicOptions & { scopeId?: string }) =>
      setVariables(ctx, instanceId, variables, { ...opts(o), scopeId: o?.scopeId }),
    modifyInstance: (instanceId: string, input: ModifyInstanceInput, o?: PublicOptions) => modifyInstance(ctx, instanceId, input, opts(o)),
    planMigration: (input: MigrationInput, o?: PublicOptions) => planMigration(ctx, input, opts(o)),
    migrateInstance: (input: MigrationInput, o?: PublicOptions) => migrateInstance(ctx, input, opts(o)),
    // tasks
    completeTask: (taskId: string, variables: Variables = {}, o?: PublicOptions) => completeTask(ctx, taskId, { variables }, opts(o)),
    claimTask: (taskId: string, userId: string, o?: PublicOptions) => claimTask(ctx, taskId, userId, opts(o)),
    unclaimTask: (taskId: string, o?: PublicOptions) => unclaimTask(ctx, taskId, opts(o)),
    assignTask: (taskId: string, assignee: string | null, o?: PublicOptions) => assignTask(ctx, taskId, assignee, opts(o)),
    delegateTask: (taskId: string, userId: string, o?: PublicOptions) => delegateTask(ctx, taskId, userId, opts(o)),
    // events
    correlateMessage: (input: CorrelateMessageInput, o?: PublicOptions) => correlateMessage(ctx, input, opts(o)),
    broadcastSignal: (name: string, variables: Variables = {}, o?: PublicOptions) => broadcastSignal(ctx, name, variables, opts(o)),
    // jobs
    registerWorker: (type: string, handler: JobHandler) => { handlers.set(type, handler); },
    enqueueJob: (tx: unknown, input: EnqueueJobInput) => enqueueJob(ctx, asDb(tx) ?? null, input),
    fetchAndLock: (workerId: string, types: string[], lockMs: number, max: number) => fetchAndLock(ctx, workerId, types, lockMs, max),
    completeJob: (jobId: string, variables: Variables = {}, o?: PublicOptions & { workerId?: string }) => completeJob(ctx, jobId, variables, { ...o, tx: asDb(o?.tx) }),
    failJob: (jobId: string, input: FailJobInput, o?: PublicOptions & { workerId?: string }) => failJob(ctx, jobId, input, { ...o, tx: asDb(o?.tx) }),
    throwJobError: (jobId: string, code: string, variables: Variables = {}, o?: PublicOptions & { workerId?: string }) =>
      throwJobError(ctx, jobId, code, variables, { ...o, tx: asDb(o?.tx) }),
    createJobExecutor: (o: JobExecutorOptions = {}) => new JobExecutor(ctx, handlers, o),
    // incidents
    retryIncident: (incidentId: string, input: { retries?: number } = {}, o?: PublicOptions) => retryIncident(ctx, incidentId, input, opts(o)),
    resolveIncident: (incidentId: string, o?: PublicOptions) => resolveIncident(ctx, incidentId, opts(o)),
    // queries
    listTasks: (q?: queries.TaskQuery) => queries.listTasks(ctx, q),
    getTask: (taskId: string, tx?: unknown) => queries.getTask(ctx, taskId, asDb(tx)),
    getTaskVariables: (taskId: string, tx?: unknown) => queries.getTaskVariables(ctx, taskId, asDb(tx)),
    listInstances: (q?: queries.InstanceQuery) => queries.listInstances(ctx, q),
    getInstance: (instanceId: string, tx?: unknown) => queries.getInstance(ctx, instanceId, asDb(tx)),
    getVariables: (instanceId: string, tx?: unknown) => queries.getVariables(ctx, instanceId, asDb(tx)),
    listHistory: (q?: queries.HistoryQuery) => queries.listHistory(ctx, q),
    listIncidents: (q?: queries.IncidentQuery) => queries.listIncidents(ctx, q),
    listDefinitions: (q?: queries.DefinitionQuery) => queries.listDefinitions(ctx, q),
    getDefinitionXml: (definitionId: string, tx?: unknown) => queries.getDefinitionXml(ctx, definitionId, asDb(tx)),
    // business calendar
    setHoliday: async (date: string, name: string, tx?: unknown) => {
      await (asDb(tx) ?? db).insertInto('calendar_holiday').values({ date, name })
        .onConflict((oc) => oc.column('date').doUpdateSet({ name })).execute();
      ctx.holidays.invalidate();
    },
    removeHoliday: async (date: string, tx?: unknown) => {
      await (asDb(tx) ?? db).deleteFrom('calendar_holiday').where('date', '=', date).execute();
      ctx.holidays.invalidate();
    },
    listHolidays: async (year?: number) => {
      let qb = db.selectFrom('calendar_holiday').select(['date', 'name']);
      if (year) qb = qb.where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`);
      return qb.orderBy('date').execute();
    },
    /** evaluates a FEEL expression with the engine's functions (calendar loaded first) */
    evaluateFeel: async (expression: string, variables: Variables = {}) => {
      await ctx.holidays.ensure(db);
      return ctx.feel.evaluate(expression, variables);
    },
  };
}
