// Public API of the BPMN engine (engine/README.md). Nothing else of engine/ is imported from outside.
import type { Migration } from 'kysely';
import { engineApplyCompactMigration } from './schema/engine-apply-compact.migration';
import { engineOpenTaskIndexesMigration } from './schema/engine-open-task-indexes.migration';
import { engineRuntimeMigration } from './schema/engine-runtime.migration';

export const engineMigrations: Record<string, Migration> = {
  '0001_engine_runtime': engineRuntimeMigration,
  '0070_engine_apply_compact': engineApplyCompactMigration,
  '0085_engine_open_task_indexes': engineOpenTaskIndexesMigration,
};

export { createEngine, type Engine, type EngineOptions, type PublicOptions } from './engine';
export { EngineError, isEngineError, type EngineErrorCode, type DeployProblem } from './errors';
export { systemClock, type Clock } from './clock';
export { BpmnError, JobExecutor, type JobHandler, type JobExecutorOptions } from './jobs/job-executor';
export { HistoryEvent, type HistoryEventType } from './runtime/history-events';
export { BusinessCalendar } from './feel/business-calendar';
export type { FeelFunction } from './feel/feel-evaluator';
export type { DeployInput, DeployedDefinition } from './deploy/deployer';
export type { StartInstanceInput, StartedInstance, ModifyInstanceInput } from './commands/instance.commands';
export type { CommandOptions } from './commands/command-runner';
export type { RawPool, RawClient } from './commands/command-session';
export type { LatestDefinitionResolver } from './engine-context';
export type { CorrelateMessageInput, CorrelationResult } from './commands/event.commands';
export type { LockedJob, EnqueueJobInput, FailJobInput, CompleteJobOptions } from './commands/job.commands';
export type { MigrationInput, MigrationPlan } from './admin/instance-migration';
export type {
  QueryFilter, Page, TaskQuery, InstanceQuery, HistoryQuery, IncidentQuery, DefinitionQuery,
  TaskRecord, InstanceRecord, HistoryRecord, IncidentRecord, DefinitionRecord,
} from './queries/engine.queries';
export type { EngineDatabase } from './schema/engine-db.types';
