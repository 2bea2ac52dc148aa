import type { Migration } from 'kysely';
import { engineMigrations } from '../../../engine/index';
import { formsMigrations } from '../../../forms/index';
import { m0003_identity } from './0003-identity';
import { m0004_auth_persons } from './0004-auth-persons';
import { m0005_mail } from './0005-mail';
import { m0010_indicators } from './0010-indicators';
import { m0020_performance_indexes } from './0020-performance-indexes';
import { m0030_idempotency } from './0030-idempotency';
import { m0040_variants } from './0040-variants';
import { m0045_case_lifecycle_court_areas } from './0045-case-lifecycle-court-areas';
import { m0050_task_list_indexes } from './0050-task-list-indexes';
import { m0060_audit_seal } from './0060-audit-seal';
import { m0080_handover_job_index } from './0080-handover-job-index';

/**
 * Every module's migrations in one ordered set. Numbers are global across modules
 * (0001 engine, 0002 forms, 0003+ server/workflows); kysely runs them in key order.
 */
export function allMigrations(): Record<string, Migration> {
  const merged: Record<string, Migration> = {};
  const sources: Record<string, Migration>[] = [
    engineMigrations,
    formsMigrations,
    { '0003_identity': m0003_identity, '0004_auth_persons': m0004_auth_persons, '0005_mail': m0005_mail },
    { '0010_indicators': m0010_indicators },
    { '0020_performance_indexes': m0020_performance_indexes },
    { '0030_idempotency': m0030_idempotency },
    { '0040_variants': m0040_variants },
    { '0045_case_lifecycle_court_areas': m0045_case_lifecycle_court_areas },
    { '0050_task_list_indexes': m0050_task_list_indexes },
    { '0060_audit_seal': m0060_audit_seal },
    { '0080_handover_job_index': m0080_handover_job_index },
  ];
  for (const source of sources) {
    for (const [name, migration] of Object.entries(source)) {
      if (merged[name]) throw new Error(`duplicate migration name ${name}`);
      merged[name] = migration;
    }
  }
  return merged;
}
