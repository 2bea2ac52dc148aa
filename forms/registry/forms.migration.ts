import { sql, type Kysely, type Migration } from 'kysely';

/** 0002_forms: versioned form definitions, task drafts and attachments. */
export const m0002_forms: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('form_definition')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
      .addColumn('title', 'jsonb', (c) => c.notNull())
      .addColumn('mau', 'text')
      .addColumn('schema', 'jsonb', (c) => c.notNull())
      .addColumn('ui_schema', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      .addColumn('translations', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      .addColumn('examples', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      .addColumn('checksum', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('form_definition_pk', ['id', 'version'])
      .execute();

    await db.schema
      .createTable('form_draft')
      .addColumn('task_id', 'text', (c) => c.primaryKey())
      .addColumn('form_id', 'text', (c) => c.notNull())
      .addColumn('form_version', 'integer', (c) => c.notNull())
      .addColumn('data', 'jsonb', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addForeignKeyConstraint('form_draft_form_fk', ['form_id', 'form_version'], 'form_definition', ['id', 'version'])
      .execute();
    await db.schema.createIndex('form_draft_form_idx').on('form_draft').columns(['form_id', 'form_version']).execute();

    await db.schema
      .createTable('attachment')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull().check(sql`size >= 0`))
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('data', 'bytea', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await sql`CREATE INDEX attachment_scope_idx ON attachment (scope text_pattern_ops)`.execute(db);
    await db.schema.createIndex('attachment_sha256_idx').on('attachment').column('sha256').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('attachment').ifExists().execute();
    await db.schema.dropTable('form_draft').ifExists().execute();
    await db.schema.dropTable('form_definition').ifExists().execute();
  },
};
