import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Indexes for national scale (issue 10; plans in docs/benchmarks.md "HTTP / national scale"):
 * - `variable_person_case_idx`: the person timeline and the task list's personId/caseId filter look
 *   up instance trees by `name = 'personId' AND value = '"<uuid>"'` — a sequential scan of every
 *   variable before. Partial (only the two well-known names) so big form values never hit the
 *   btree row-size limit and the index stays ≈ 2 rows per instance.
 * - `execution_instance_idx`: the one-call task view reads a task's execution chain by instance.
 * - `task_open_groups_idx` / `task_open_users_idx`: the task list's authorization filter (candidate
 *   groups / users overlap) over open tasks only — the full GIN indexes also hold every completed
 *   task, so each list paid heap rechecks for rows the state filter then dropped, or the planner
 *   walked all open tasks in created_at order filtering for the user's groups (60 ms at 100 000
 *   open tasks for a commune police officer → 2.2 ms). `fastupdate = off`: with the GIN pending
 *   list on, every list scanned up to 4 MB of unsorted pending entries (100 000 after a bulk load)
 *   and its size made the planner flip back to the ordered walk; these indexes are small (open
 *   tasks only), so writing them directly is cheap and the plan stays stable.
 */
export const m0020_performance_indexes: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`CREATE INDEX IF NOT EXISTS variable_person_case_idx ON variable (name, value) WHERE name IN ('personId', 'caseId')`.execute(db);
    await sql`CREATE INDEX IF NOT EXISTS execution_instance_idx ON execution (instance_id)`.execute(db);
    await sql`CREATE INDEX IF NOT EXISTS task_open_groups_idx ON task USING gin (candidate_groups) WITH (fastupdate = off) WHERE state = 'created'`.execute(db);
    await sql`CREATE INDEX IF NOT EXISTS task_open_users_idx ON task USING gin (candidate_users) WITH (fastupdate = off) WHERE state = 'created'`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    for (const name of ['task_open_users_idx', 'task_open_groups_idx', 'execution_instance_idx', 'variable_person_case_idx']) {
      await sql`DROP INDEX IF EXISTS ${sql.raw(name)}`.execute(db);
    }
  },
};
