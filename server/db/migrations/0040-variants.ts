import { sql, type Kysely, type Migration } from 'kysely';

const ROLES_BEFORE = ['staff', 'supervisor', 'admin', 'provincial_admin', 'auditor', 'leader'];
const ROLES_AFTER = [...ROLES_BEFORE, 'variant_admin'];

async function setRoleCheck(db: Kysely<unknown>, roles: string[]): Promise<void> {
  await sql`ALTER TABLE user_role DROP CONSTRAINT IF EXISTS user_role_role_check`.execute(db);
  await sql`ALTER TABLE user_role ADD CONSTRAINT user_role_role_check CHECK (role IN (${sql.join(roles.map((r) => sql.lit(r)))}))`.execute(db);
}

/**
 * District/commune variants of process definitions (issue 8, DESIGN.md §10): one row per
 * (process key, jurisdiction) and every definition it deployed; the `variant_admin` role.
 */
export const m0040_variants: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('process_variant')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('jurisdiction_code', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
      .addColumn('overrides', 'jsonb')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addUniqueConstraint('process_variant_key_jurisdiction_uq', ['key', 'jurisdiction_code'])
      .execute();
    await sql`CREATE INDEX process_variant_scope_idx ON process_variant (scope text_pattern_ops)`.execute(db);
    await db.schema
      .createTable('process_variant_version')
      .addColumn('definition_id', 'uuid', (c) => c.primaryKey().references('process_definition.id'))
      .addColumn('variant_id', 'uuid', (c) => c.notNull().references('process_variant.id').onDelete('cascade'))
      .addColumn('parent_definition_id', 'uuid', (c) => c.references('process_definition.id'))
      .addColumn('overrides', 'jsonb')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('process_variant_version_variant_idx').on('process_variant_version').column('variant_id').execute();
    // resolution looks up (key, jurisdiction) latest versions
    await sql`CREATE INDEX IF NOT EXISTS process_definition_key_jurisdiction_idx ON process_definition (key, jurisdiction_code, version DESC)`.execute(db);
    await setRoleCheck(db, ROLES_AFTER);
  },
  async down(db: Kysely<unknown>) {
    await sql`DELETE FROM user_role WHERE role = 'variant_admin'`.execute(db);
    await setRoleCheck(db, ROLES_BEFORE);
    await sql`DROP INDEX IF EXISTS process_definition_key_jurisdiction_idx`.execute(db);
    await db.schema.dropTable('process_variant_version').ifExists().execute();
    await db.schema.dropTable('process_variant').ifExists().execute();
  },
};
