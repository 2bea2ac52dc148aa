import { sql, type Kysely, type Migration } from 'kysely';

/**
 * 0085: the candidate-group / candidate-user GIN indexes cover open tasks only.
 *
 * Every list that asks "whose task is this" asks it of open tasks (`state = 'created'`); the full
 * indexes of 0001 also took two GIN entries (with a pending-list metapage WAL record each) for every
 * completion, and on the server's database they sat beside the partial ones of its 0020 migration
 * (4 GIN indexes maintained per task write). The names and definitions are those of 0020, so on the
 * server's database this only drops the full ones. A query for completed tasks by candidate group
 * (rare: a completed task has an assignee) now finds them through its other filters.
 */
export const engineOpenTaskIndexesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`DROP INDEX IF EXISTS task_candidate_groups_idx`.execute(db);
    await sql`DROP INDEX IF EXISTS task_candidate_users_idx`.execute(db);
    await sql`CREATE INDEX IF NOT EXISTS task_open_groups_idx ON task USING gin (candidate_groups) WITH (fastupdate = off) WHERE state = 'created'`.execute(db);
    await sql`CREATE INDEX IF NOT EXISTS task_open_users_idx ON task USING gin (candidate_users) WITH (fastupdate = off) WHERE state = 'created'`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    // the partial ones stay: on the server's database they belong to its 0020 migration
    await sql`CREATE INDEX IF NOT EXISTS task_candidate_groups_idx ON task USING gin (candidate_groups)`.execute(db);
    await sql`CREATE INDEX IF NOT EXISTS task_candidate_users_idx ON task USING gin (candidate_users)`.execute(db);
  },
};
