import { sql, type Kysely, type Migration } from 'kysely';

/** Results of commands sent with an `Idempotency-Key` header, stored in the command's transaction. */
export const m0030_idempotency: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('idempotency_key')
      .addColumn('user_id', 'uuid', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .addColumn('body', 'jsonb', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('idempotency_key_pk', ['user_id', 'key'])
      .execute();
    await db.schema.createIndex('idempotency_key_created_idx').on('idempotency_key').column('created_at').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('idempotency_key').ifExists().execute();
  },
};
