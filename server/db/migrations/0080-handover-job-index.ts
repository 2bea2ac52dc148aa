import { sql, type Kysely, type Migration } from 'kysely';

/**
 * `message.publish` checks that its job has not already opened a case
 * (`rehab_case.data->>'handoverJobId'`, server/workflow-runtime/workers/message-publish.worker.ts).
 * Without an index that was a sequential scan of every case: ≈ 660 ms per call on 250 000 cases
 * (docs/benchmarks.md "HTTP / national scale", round 2). Partial: only cases opened by a handover
 * carry the key, so the index stays small; the worker's query repeats the predicate
 * (`data ? 'handoverJobId'`) so the planner can use it.
 */
export const m0080_handover_job_index: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`CREATE INDEX IF NOT EXISTS rehab_case_handover_job_idx ON rehab_case ((data->>'handoverJobId'))
      WHERE data ? 'handoverJobId'`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`DROP INDEX IF EXISTS rehab_case_handover_job_idx`.execute(db);
  },
};
