import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ResolvedDefinition, VariantDb, VariantItem, VariantVersion } from './variant.types';

interface VariantRow {
  id: string;
  key: string;
  name: string;
  jurisdiction_code: string;
  jurisdiction_name: string | null;
  scope: string;
  active: boolean;
  definition_id: string | null;
  version: number | null;
  parent_definition_id: string | null;
  parent_version: number | null;
  parent_jurisdiction_code: string | null;
  latest_parent_definition_id: string | null;
  latest_parent_version: number | null;
  created_by: string | null;
  created_at: Date;
  updated_by: string | null;
  updated_at: Date;
  total: number;
}

const iso = (value: Date | string): string => (value instanceof Date ? value.toISOString() : String(value));

function toItem(r: VariantRow): VariantItem {
  return {
    id: r.id, key: r.key, name: r.name, jurisdictionCode: r.jurisdiction_code, jurisdictionName: r.jurisdiction_name, scope: r.scope,
    active: r.active, definitionId: r.definition_id, version: r.version,
    parentDefinitionId: r.parent_definition_id, parentVersion: r.parent_version, parentJurisdictionCode: r.parent_jurisdiction_code,
    latestParentDefinitionId: r.latest_parent_definition_id, latestParentVersion: r.latest_parent_version,
    parentHasNewer: r.parent_version !== null && r.latest_parent_version !== null && r.latest_parent_version > r.parent_version,
    createdBy: r.created_by, createdAt: iso(r.created_at), updatedBy: r.updated_by, updatedAt: iso(r.updated_at),
  };
}

export interface VariantFilter {
  /** the CASL condition (accessibleWhere over alias `v`) */
  where: RawBuilder<SqlBool>;
  id?: string;
  key?: string;
  jurisdictionCode?: string;
  limit?: number;
  offset?: number;
}

/**
 * Variants with their latest deployed version, the parent that version was built on and the
 * newest version of the parent's line (same key, the parent's jurisdiction) — one query.
 */
export async function listVariants(db: VariantDb, f: VariantFilter): Promise<{ items: VariantItem[]; total: number }> {
  const conditions: RawBuilder<SqlBool>[] = [f.where];
  if (f.id) conditions.push(sql<SqlBool>`v.id = ${f.id}`);
  if (f.key) conditions.push(sql<SqlBool>`v.key = ${f.key}`);
  if (f.jurisdictionCode) conditions.push(sql<SqlBool>`v.jurisdiction_code = ${f.jurisdictionCode}`);
  const { rows } = await sql<VariantRow>`
    SELECT v.id, v.key, v.name, v.jurisdiction_code, j.name AS jurisdiction_name, v.scope, v.active,
      d.id AS definition_id, d.version, d.parent_definition_id, p.version AS parent_version, p.jurisdiction_code AS parent_jurisdiction_code,
      lp.id AS latest_parent_definition_id, lp.version AS latest_parent_version,
      v.created_by, v.created_at, v.updated_by, v.updated_at, count(*) OVER ()::int AS total
    FROM process_variant v
    LEFT JOIN jurisdiction j ON j.code = v.jurisdiction_code
    LEFT JOIN LATERAL (SELECT x.id, x.version, x.parent_definition_id FROM process_definition x
      WHERE x.key = v.key AND x.jurisdiction_code = v.jurisdiction_code ORDER BY x.version DESC LIMIT 1) d ON TRUE
    LEFT JOIN process_definition p ON p.id = d.parent_definition_id
    LEFT JOIN LATERAL (SELECT y.id, y.version FROM process_definition y
      WHERE y.key = v.key AND y.jurisdiction_code IS NOT DISTINCT FROM p.jurisdiction_code ORDER BY y.version DESC LIMIT 1) lp ON p.id IS NOT NULL
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY v.key, v.scope
    LIMIT ${f.limit ?? 50} OFFSET ${f.offset ?? 0}`.execute(db);
  return { items: rows.map(toItem), total: rows[0]?.total ?? 0 };
}

export function findVariantRow(db: VariantDb, id: string) {
  return db.selectFrom('process_variant').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findVariantByKey(db: VariantDb, key: string, jurisdictionCode: string) {
  return db.selectFrom('process_variant').selectAll().where('key', '=', key).where('jurisdiction_code', '=', jurisdictionCode).executeTakeFirst();
}

export function findDefinition(db: VariantDb, id: string) {
  return db.selectFrom('process_definition').select(['id', 'key', 'version', 'jurisdiction_code', 'parent_definition_id']).where('id', '=', id).executeTakeFirst();
}

/** Every deployed version of a variant's line, newest first, with the parent each was built on. */
export async function listVariantVersions(db: VariantDb, key: string, jurisdictionCode: string): Promise<VariantVersion[]> {
  const rows = await db.selectFrom('process_definition as d')
    .leftJoin('process_definition as p', 'p.id', 'd.parent_definition_id')
    .select(['d.id', 'd.version', 'd.parent_definition_id', 'p.version as parent_version', 'd.deployed_at', 'd.deployed_by'])
    .where('d.key', '=', key).where('d.jurisdiction_code', '=', jurisdictionCode)
    .orderBy('d.version', 'desc').limit(500).execute();
  return rows.map((r) => ({
    definitionId: r.id, version: r.version, parentDefinitionId: r.parent_definition_id, parentVersion: r.parent_version ?? null,
    deployedAt: iso(r.deployed_at as Date | string), deployedBy: r.deployed_by,
  }));
}

/**
 * The definition a start by `key` runs for a jurisdiction path ('/99/991/99101/'): the deepest
 * code on the path with a definition of that key whose variant (if it has a row) is active, latest
 * version of it; else the latest global definition (jurisdiction null). Null when none is deployed.
 */
export async function resolveForPath(db: VariantDb, key: string, path: string | null): Promise<ResolvedDefinition | null> {
  const codes = (path ?? '').split('/').filter(Boolean);
  const { rows } = await sql<{ id: string; key: string; version: number; jurisdiction_code: string | null; variant_id: string | null }>`
    SELECT d.id, d.key, d.version, d.jurisdiction_code, v.id AS variant_id
    FROM process_definition d
    LEFT JOIN process_variant v ON v.key = d.key AND v.jurisdiction_code = d.jurisdiction_code
    WHERE d.key = ${key} AND (d.jurisdiction_code IS NULL OR d.jurisdiction_code = ANY(${codes}::text[])) AND (v.id IS NULL OR v.active)
    ORDER BY coalesce(array_position(${codes}::text[], d.jurisdiction_code), 0) DESC, d.version DESC
    LIMIT 1`.execute(db);
  const r = rows[0];
  return r ? { definitionId: r.id, key: r.key, version: r.version, jurisdictionCode: r.jurisdiction_code, variantId: r.variant_id } : null;
}
