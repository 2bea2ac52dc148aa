import { randomUUID } from 'node:crypto';
import type { Engine } from '../../engine/index';
import type { Clock } from '../app-deps';
import { appendAudit } from '../audit/audit.service';
import { AppError } from '../errors';
import { findJurisdictionByCode } from '../repositories/jurisdiction.repository';
import { engineTx } from '../workflow/engine-tx';
import type { RawBuilder, SqlBool } from 'kysely';
import {
  findDefinition, findVariantByKey, findVariantRow, listVariantVersions, listVariants, resolveForPath,
} from './variant.repository';
import { serverDb, type VariantDb, type VariantDetail, type VariantItem } from './variant.types';

export interface VariantContext {
  db: VariantDb;
  engine: Engine;
  clock: Clock;
  formExists: (formId: string) => Promise<boolean>;
  actorId: string;
  /** the caller's CASL condition for reading variants (alias `v`) */
  readable: RawBuilder<SqlBool>;
  /** throws (403, audited) when the caller may not do `action` on a variant filed under `scope` */
  authorize: (action: 'create' | 'update', scope: string) => Promise<void>;
}

export interface DeployedVersion {
  id: string;
  key: string;
  version: number;
  created: boolean;
}

export interface CreateVariantInput {
  key?: string;
  parentDefinitionId: string;
  jurisdictionCode: string;
  xml: string;
  name?: string;
  overrides?: unknown;
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/** The parent must exist, carry the variant's key and sit strictly above the jurisdiction (global, province, district). */
async function checkParent(db: VariantDb, parentDefinitionId: string, key: string | undefined, path: string, jurisdictionCode: string) {
  const parent = await findDefinition(db, parentDefinitionId);
  if (!parent) throw new AppError('DEFINITION_NOT_FOUND', { parentDefinitionId });
  if (key !== undefined && parent.key !== key) throw new AppError('VARIANT_PARENT_INVALID', { reason: 'key', parentKey: parent.key, key });
  const above = path.split('/').filter(Boolean).filter((code) => code !== jurisdictionCode);
  if (parent.jurisdiction_code !== null && !above.includes(parent.jurisdiction_code)) {
    throw new AppError('VARIANT_PARENT_INVALID', { reason: 'jurisdiction', parentJurisdictionCode: parent.jurisdiction_code, jurisdictionCode });
  }
  return parent;
}

/** Deploys one version of a variant (same validation as POST /api/definitions); the XML must hold exactly the variant's process. */
async function deployVersion(ctx: VariantContext, tx: VariantDb, input: { key: string; jurisdictionCode: string; xml: string; parentDefinitionId: string }): Promise<DeployedVersion> {
  const deployed = await ctx.engine.deploy(
    { xml: input.xml, deployedBy: ctx.actorId, jurisdictionCode: input.jurisdictionCode, parentDefinitionId: input.parentDefinitionId, formExists: ctx.formExists },
    { tx: engineTx(tx), actor: ctx.actorId },
  );
  if (deployed.length !== 1 || deployed[0].key !== input.key) {
    throw new AppError('VARIANT_KEY_MISMATCH', { expected: input.key, found: deployed.map((d) => d.key) });
  }
  const d = deployed[0];
  return { id: d.id, key: d.key, version: d.version, created: d.created };
}

async function itemOf(ctx: VariantContext, db: VariantDb, id: string): Promise<VariantItem> {
  const { items } = await listVariants(db, { where: ctx.readable, id, limit: 1 });
  if (!items[0]) throw new AppError('VARIANT_NOT_FOUND');
  return items[0];
}

/** A new variant of a parent definition for a jurisdiction: row + first version, one transaction, audited. */
export async function createVariant(ctx: VariantContext, input: CreateVariantInput): Promise<{ variant: VariantItem; definition: DeployedVersion }> {
  const jurisdiction = await findJurisdictionByCode(serverDb(ctx.db), input.jurisdictionCode);
  if (!jurisdiction) throw new AppError('JURISDICTION_NOT_FOUND');
  await ctx.authorize('create', jurisdiction.path);
  const parent = await checkParent(ctx.db, input.parentDefinitionId, input.key, jurisdiction.path, jurisdiction.code);
  const existing = await findVariantByKey(ctx.db, parent.key, jurisdiction.code);
  if (existing) throw new AppError('VARIANT_EXISTS', { variantId: existing.id });
  return ctx.db.transaction().execute(async (tx) => {
    const now = ctx.clock.now();
    const id = randomUUID();
    await tx.insertInto('process_variant').values({
      id, key: parent.key, jurisdiction_code: jurisdiction.code, scope: jurisdiction.path, name: input.name?.trim() || `${parent.key} – ${jurisdiction.name}`,
      active: true, overrides: json(input.overrides), created_by: ctx.actorId, created_at: now, updated_by: ctx.actorId, updated_at: now,
    }).execute();
    const definition = await deployVersion(ctx, tx, { key: parent.key, jurisdictionCode: jurisdiction.code, xml: input.xml, parentDefinitionId: parent.id });
    await tx.insertInto('process_variant_version').values({
      definition_id: definition.id, variant_id: id, parent_definition_id: parent.id, overrides: json(input.overrides), created_by: ctx.actorId, created_at: now,
    }).onConflict((oc) => oc.column('definition_id').doNothing()).execute();
    await appendAudit(serverDb(tx), {
      at: now, actorId: ctx.actorId, action: 'variant.created', resourceType: 'Variant', resourceId: id, scope: jurisdiction.path,
      detail: { key: parent.key, jurisdictionCode: jurisdiction.code, parentDefinitionId: parent.id, definitionId: definition.id, version: definition.version },
    });
    return { variant: await itemOf(ctx, tx, id), definition };
  });
}

async function loadForUpdate(ctx: VariantContext, id: string) {
  const row = await findVariantRow(ctx.db, id);
  if (!row) throw new AppError('VARIANT_NOT_FOUND');
  await ctx.authorize('update', row.scope);
  return row;
}

/** A new version of a variant: an edit, or a rebase onto a newer parent version (the designer computed the XML). */
export async function addVariantVersion(
  ctx: VariantContext, id: string, input: { xml: string; parentDefinitionId: string; overrides?: unknown },
): Promise<{ variant: VariantItem; definition: DeployedVersion }> {
  const row = await loadForUpdate(ctx, id);
  const parent = await checkParent(ctx.db, input.parentDefinitionId, row.key, row.scope, row.jurisdiction_code);
  return ctx.db.transaction().execute(async (tx) => {
    const now = ctx.clock.now();
    const definition = await deployVersion(ctx, tx, { key: row.key, jurisdictionCode: row.jurisdiction_code, xml: input.xml, parentDefinitionId: parent.id });
    await tx.insertInto('process_variant_version').values({
      definition_id: definition.id, variant_id: id, parent_definition_id: parent.id, overrides: json(input.overrides), created_by: ctx.actorId, created_at: now,
    }).onConflict((oc) => oc.column('definition_id').doNothing()).execute();
    await tx.updateTable('process_variant').set({
      updated_by: ctx.actorId, updated_at: now, ...(input.overrides !== undefined ? { overrides: json(input.overrides) } : {}),
    }).where('id', '=', id).execute();
    await appendAudit(serverDb(tx), {
      at: now, actorId: ctx.actorId, action: 'variant.version-deployed', resourceType: 'Variant', resourceId: id, scope: row.scope,
      detail: { key: row.key, parentDefinitionId: parent.id, definitionId: definition.id, version: definition.version, created: definition.created },
    });
    return { variant: await itemOf(ctx, tx, id), definition };
  });
}

/** Turns a variant on or off: an inactive one is skipped by resolution (cases fall back to the level above). */
export async function setVariantActive(ctx: VariantContext, id: string, active: boolean): Promise<{ variant: VariantItem }> {
  const row = await loadForUpdate(ctx, id);
  return ctx.db.transaction().execute(async (tx) => {
    const now = ctx.clock.now();
    await tx.updateTable('process_variant').set({ active, updated_by: ctx.actorId, updated_at: now }).where('id', '=', id).execute();
    await appendAudit(serverDb(tx), {
      at: now, actorId: ctx.actorId, action: active ? 'variant.activated' : 'variant.deactivated', resourceType: 'Variant', resourceId: id, scope: row.scope,
      detail: { key: row.key, jurisdictionCode: row.jurisdiction_code },
    });
    return { variant: await itemOf(ctx, tx, id) };
  });
}

/** One variant with its overrides and every version (404 when missing or not readable by the caller). */
export async function getVariant(db: VariantDb, readable: RawBuilder<SqlBool>, id: string): Promise<VariantDetail> {
  const { items } = await listVariants(db, { where: readable, id, limit: 1 });
  const item = items[0];
  if (!item) throw new AppError('VARIANT_NOT_FOUND');
  const row = await findVariantRow(db, id);
  return { ...item, overrides: row?.overrides ?? null, versions: await listVariantVersions(db, item.key, item.jurisdictionCode) };
}

/**
 * After POST /api/definitions deployed for a jurisdiction: the (key, jurisdiction) variant row
 * exists (created active when missing) and records the new versions. Runs in the deploy's transaction.
 */
export async function recordJurisdictionDeploy(
  tx: VariantDb, input: { jurisdictionCode: string; scope: string; jurisdictionName: string; actorId: string; now: Date; definitions: { id: string; key: string; created: boolean }[] },
): Promise<void> {
  for (const d of input.definitions) {
    if (!d.created) continue;
    await tx.insertInto('process_variant').values({
      id: randomUUID(), key: d.key, jurisdiction_code: input.jurisdictionCode, scope: input.scope, name: `${d.key} – ${input.jurisdictionName}`,
      active: true, overrides: null, created_by: input.actorId, created_at: input.now, updated_by: input.actorId, updated_at: input.now,
    }).onConflict((oc) => oc.columns(['key', 'jurisdiction_code']).doUpdateSet({ updated_by: input.actorId, updated_at: input.now })).execute();
    const variant = await findVariantByKey(tx, d.key, input.jurisdictionCode);
    const definition = await findDefinition(tx, d.id);
    if (!variant || !definition) continue;
    await tx.insertInto('process_variant_version').values({
      definition_id: d.id, variant_id: variant.id, parent_definition_id: definition.parent_definition_id, overrides: null, created_by: input.actorId, created_at: input.now,
    }).onConflict((oc) => oc.column('definition_id').doNothing()).execute();
  }
}

/** The parent a jurisdiction deploy builds on: what a case one level above would start. */
export async function parentForJurisdiction(db: VariantDb, key: string, path: string, jurisdictionCode: string): Promise<string | null> {
  const above = path.split('/').filter(Boolean).filter((code) => code !== jurisdictionCode);
  const resolved = await resolveForPath(db, key, above.length ? `/${above.join('/')}/` : null);
  return resolved?.definitionId ?? null;
}
