import type { RawBuilder, SqlBool } from 'kysely';
import type { DeployProblem, Engine } from '../../engine/index';
import type { Clock } from '../app-deps';
import { appendAudit } from '../audit/audit.service';
import { AppError } from '../errors';
import { engineTx } from '../workflow/engine-tx';
import { findDefinition } from './variant.repository';
import { serverDb, type VariantDb } from './variant.types';

/** At most this many instances are planned or moved per call (run again for the rest). */
export const MIGRATION_BATCH_LIMIT = 500;

export interface BatchMigrationContext {
  db: VariantDb;
  engine: Engine;
  clock: Clock;
  actorId: string;
  /** the caller's CASL condition for migrating instances (over the unaliased process_instance table) */
  migratable: RawBuilder<SqlBool>;
}

export interface BatchMigrationInput {
  sourceDefinitionId: string;
  targetDefinitionId: string;
  mapping?: Record<string, string>;
}

export interface PlannedInstance {
  instanceId: string;
  businessKey: string | null;
  canMigrate: boolean;
  problems: DeployProblem[];
}

interface InstanceRef {
  id: string;
  business_key: string | null;
  scope: string | null;
}

async function instancesToMove(ctx: BatchMigrationContext, input: BatchMigrationInput): Promise<{ items: InstanceRef[]; total: number }> {
  const [source, target] = await Promise.all([findDefinition(ctx.db, input.sourceDefinitionId), findDefinition(ctx.db, input.targetDefinitionId)]);
  if (!source || !target) throw new AppError('DEFINITION_NOT_FOUND', { definitionId: source ? input.targetDefinitionId : input.sourceDefinitionId });
  const base = ctx.db.selectFrom('process_instance')
    .where('process_instance.definition_id', '=', source.id).where('process_instance.state', '=', 'active').where(ctx.migratable);
  const [items, count] = await Promise.all([
    base.select(['process_instance.id', 'process_instance.business_key', 'process_instance.scope']).orderBy('process_instance.started_at').limit(MIGRATION_BATCH_LIMIT).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

function problemsOf(error: unknown): DeployProblem[] {
  const e = error as { code?: string; message?: string; details?: { problems?: DeployProblem[] } };
  return e.details?.problems ?? [{ elementId: null, message: `${e.code ?? 'ERROR'}: ${e.message ?? String(error)}` }];
}

/** Dry run: the engine's migration plan of every active instance of the source in the caller's scope; writes nothing. */
export async function planBatchMigration(ctx: BatchMigrationContext, input: BatchMigrationInput): Promise<{ instances: PlannedInstance[]; total: number }> {
  const { items, total } = await instancesToMove(ctx, input);
  const instances: PlannedInstance[] = [];
  const rollback = new Error('dry-run rollback');
  for (const instance of items) {
    let planned: PlannedInstance = { instanceId: instance.id, businessKey: instance.business_key, canMigrate: false, problems: [] };
    await ctx.db.transaction().execute(async (tx) => {
      try {
        const plan = await ctx.engine.planMigration({ instanceId: instance.id, targetDefinitionId: input.targetDefinitionId, mapping: input.mapping }, { tx: engineTx(tx) });
        planned = { ...planned, canMigrate: plan.canMigrate, problems: plan.problems };
      } catch (error) {
        planned = { ...planned, problems: problemsOf(error) };
      }
      throw rollback;
    }).catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
    instances.push(planned);
  }
  return { instances, total };
}

/** Moves every active instance of the source in the caller's scope: one transaction per instance, each audited. */
export async function applyBatchMigration(
  ctx: BatchMigrationContext, input: BatchMigrationInput,
): Promise<{ migrated: number; failed: { instanceId: string; businessKey: string | null; problems: DeployProblem[] }[]; total: number }> {
  const { items, total } = await instancesToMove(ctx, input);
  let migrated = 0;
  const failed: { instanceId: string; businessKey: string | null; problems: DeployProblem[] }[] = [];
  for (const instance of items) {
    try {
      await ctx.db.transaction().execute(async (tx) => {
        await ctx.engine.migrateInstance({ instanceId: instance.id, targetDefinitionId: input.targetDefinitionId, mapping: input.mapping }, { tx: engineTx(tx), actor: ctx.actorId });
        await appendAudit(serverDb(tx), {
          at: ctx.clock.now(), actorId: ctx.actorId, action: 'instance.migrated', resourceType: 'Instance', resourceId: instance.id, scope: instance.scope,
          detail: { batch: true, sourceDefinitionId: input.sourceDefinitionId, targetDefinitionId: input.targetDefinitionId },
        });
      });
      migrated += 1;
    } catch (error) {
      failed.push({ instanceId: instance.id, businessKey: instance.business_key, problems: problemsOf(error) });
    }
  }
  return { migrated, failed, total };
}
