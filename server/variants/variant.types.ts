import type { ColumnType, Kysely } from 'kysely';
import type { EngineDatabase } from '../../engine/index';
import type { ServerDatabase } from '../db/schema';

/** `process_variant` (migration 0040): one district/commune/province variant of a process key. */
export interface ProcessVariantTable {
  id: string;
  key: string;
  jurisdiction_code: string;
  /** the jurisdiction's materialised path (CASL `scope`) */
  scope: string;
  name: string;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  overrides: ColumnType<unknown, string | null, string | null>;
  created_by: string | null;
  created_at: Date;
  updated_by: string | null;
  updated_at: Date;
}

/** `process_variant_version`: every definition a variant deployed, with its parent and overrides. */
export interface ProcessVariantVersionTable {
  definition_id: string;
  variant_id: string;
  parent_definition_id: string | null;
  overrides: ColumnType<unknown, string | null, string | null>;
  created_by: string | null;
  created_at: Date;
}

export interface VariantTables {
  process_variant: ProcessVariantTable;
  process_variant_version: ProcessVariantVersionTable;
}

/** The server's tables, the engine's definitions/instances and the variant tables. */
export type VariantDb = Kysely<ServerDatabase & Pick<EngineDatabase, 'process_definition' | 'process_instance'> & VariantTables>;

/** One variant as the API answers it (server/README.md "Variants"). */
export interface VariantItem {
  id: string;
  key: string;
  name: string;
  jurisdictionCode: string;
  jurisdictionName: string | null;
  scope: string;
  active: boolean;
  definitionId: string | null;
  version: number | null;
  parentDefinitionId: string | null;
  parentVersion: number | null;
  parentJurisdictionCode: string | null;
  latestParentDefinitionId: string | null;
  latestParentVersion: number | null;
  parentHasNewer: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedBy: string | null;
  updatedAt: string;
}

export interface VariantVersion {
  definitionId: string;
  version: number;
  parentDefinitionId: string | null;
  parentVersion: number | null;
  deployedAt: string;
  deployedBy: string | null;
}

export interface VariantDetail extends VariantItem {
  overrides: unknown;
  versions: VariantVersion[];
}

/** What a start by key runs: the most specific active variant, else the global definition. */
export interface ResolvedDefinition {
  definitionId: string;
  key: string;
  version: number;
  jurisdictionCode: string | null;
  variantId: string | null;
}

/** The same connection typed for the server's own helpers (audit, jurisdictions); kysely's types are invariant. */
export function serverDb(db: VariantDb): Kysely<ServerDatabase> {
  return db as unknown as Kysely<ServerDatabase>;
}
