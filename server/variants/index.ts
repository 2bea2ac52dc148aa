/** District/commune variants of process definitions and definition resolution (issue 8, DESIGN.md §10). */
export type { ResolvedDefinition, VariantDb, VariantDetail, VariantItem, VariantTables, VariantVersion } from './variant.types';
export { listVariants, resolveForPath } from './variant.repository';
export {
  addVariantVersion, createVariant, getVariant, parentForJurisdiction, recordJurisdictionDeploy, setVariantActive,
  type CreateVariantInput, type DeployedVersion, type VariantContext,
} from './variant.service';
export { resolveDefinition, resolveDefinitionForCode, resolveFirstDeployed } from './variant-resolution.service';
export {
  applyBatchMigration, planBatchMigration, MIGRATION_BATCH_LIMIT,
  type BatchMigrationContext, type BatchMigrationInput, type PlannedInstance,
} from './definition-migration.service';
