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
 */
export const m0050_task_list_indexes: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`CREATE INDEX IF NOT EXISTS task_open_created_idx ON task (created_at, id)
      INCLUDE (assignee, candidate_groups, candidate_users, scope) WHERE state = 'created'`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`DROP INDEX IF EXISTS task_open_created_idx`.execute(db);
  },
};
