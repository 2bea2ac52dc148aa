import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Sent-mail log (the outbox itself is the engine's job table), deadline-notification marks, and
 * citizen submissions of public forms.
 */
export const m0005_mail: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('mail_log')
      .addColumn('job_id', 'text', (c) => c.primaryKey())
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('template', 'text', (c) => c.notNull())
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('transport', 'text', (c) => c.notNull().check(sql`transport IN ('smtp','file')`))
      .addColumn('file', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('mail_log_sent_idx').on('mail_log').column('sent_at').execute();
    await db.schema
      .createTable('task_notification')
      .addColumn('task_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('deadline_near','overdue')`))
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('task_notification_pk', ['task_id', 'kind'])
      .execute();
    await db.schema
      .createTable('public_submission')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('form_id', 'text', (c) => c.notNull())
      .addColumn('form_version', 'integer', (c) => c.notNull())
      .addColumn('commune_code', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('data', 'jsonb', (c) => c.notNull())
      .addColumn('contact', 'jsonb', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('received'))
      .addColumn('ip', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await sql`CREATE INDEX public_submission_scope_idx ON public_submission (scope text_pattern_ops)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('public_submission').ifExists().execute();
    await db.schema.dropTable('task_notification').ifExists().execute();
    await db.schema.dropTable('mail_log').ifExists().execute();
  },
};
