import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The task list at national scale (issue 10; plans in docs/benchmarks.md "HTTP / national scale").
 * `task_open_created_idx`: open tasks in list order (created_at, id) carrying every column the
 * authorization filter reads (assignee, candidate groups / users, scope). The list takes its page
 * of ids with an index-only walk that evaluates the CASL filter on the index tuples and stops at
 * the page, then reads those rows by primary key. Before, a provincial office (3 000 of 100 000
 * open tasks) either fetched its 3 000 rows from 2 900 heap pages and sorted them or walked
 * `task_state_idx` fetching ~1 700 heap rows to keep 50 (1 700 buffers → 30 for the ids).
 * Partial (open tasks only): completing a task adds nothing to it; ≈ 12 MB at 100 000 open tasks.
 * Index-only needs the visibility map: completing the oldest tasks (the head of this order) clears
 * it on their pages and the walk fetches heap rows again (measured: 1 636 heap fetches for a commune
 * list after 2 000 completions, 2 before; 327 for a provincial one after 250). The default
 * autovacuum waits for 20 % of 900 000 task rows to change; here every 1 000 changed or inserted
 * rows (≈ 2 h of national completions). Such a vacuum mostly sets visibility bits: with few dead
 * rows PostgreSQL ≥ 14 skips the index passes.
 */
export const m0050_task_list_indexes: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`CREATE INDEX IF NOT EXISTS task_open_created_idx ON task (created_at, id)
      INCLUDE (assignee, candidate_groups, candidate_users, scope) WHERE state = 'created'`.execute(db);
    await sql`ALTER TABLE task SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
      autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 1000)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`ALTER TABLE task RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold,
      autovacuum_vacuum_insert_scale_factor, autovacuum_vacuum_insert_threshold)`.execute(db);
    await sql`DROP INDEX IF EXISTS task_open_created_idx`.execute(db);
  },
};
