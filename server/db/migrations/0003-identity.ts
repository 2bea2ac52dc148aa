import { sql, type Kysely, type Migration } from 'kysely';

/** Jurisdictions, agencies, users, roles, sessions and the hash-chained audit log. */
export const m0003_identity: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);

    await db.schema
      .createTable('jurisdiction')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull().check(sql`level IN ('province','district','commune')`))
      .addColumn('parent_id', 'uuid', (c) => c.references('jurisdiction.id'))
      // Materialised path of codes, e.g. '/44/449/19300/': subtree = path LIKE '/44/%'.
      .addColumn('path', 'text', (c) => c.notNull())
      // Which administrative structure the node belongs to: '2022' (3 levels) or '2025' (2 levels).
      .addColumn('structure', 'text', (c) => c.notNull().check(sql`structure IN ('2022','2025')`))
      .addColumn('valid_from', 'date')
      .addColumn('valid_to', 'date')
      .execute();
    await sql`CREATE INDEX jurisdiction_path_idx ON jurisdiction (path text_pattern_ops)`.execute(db);
    await db.schema.createIndex('jurisdiction_parent_idx').on('jurisdiction').column('parent_id').execute();

    await db.schema
      .createTable('agency')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(
          sql`kind IN ('police','people_committee','health_facility','labour_office','court','procuracy','rehab_centre')`,
        ),
      )
      .addColumn('jurisdiction_id', 'uuid', (c) => c.notNull().references('jurisdiction.id'))
      .execute();
    await db.schema.createIndex('agency_jurisdiction_idx').on('agency').column('jurisdiction_id').execute();

    await db.schema
      .createTable('app_user')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('agency_id', 'uuid', (c) => c.references('agency.id'))
      .addColumn('locale', 'text', (c) => c.notNull().defaultTo('vi'))
      .addColumn('disabled', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'timestamptz')
      .addColumn('totp_secret', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();

    await db.schema
      .createTable('user_role')
      .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) =>
        c.notNull().check(sql`role IN ('staff','supervisor','admin','provincial_admin','auditor','leader')`),
      )
      .addPrimaryKeyConstraint('user_role_pk', ['user_id', 'role'])
      .execute();

    await db.schema
      .createTable('user_session')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('user_session_user_idx').on('user_session').column('user_id').execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .addColumn('actor_id', 'uuid')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('resource_type', 'text')
      .addColumn('resource_id', 'text')
      .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_resource_idx').on('audit_log').columns(['resource_type', 'resource_id']).execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of ['audit_log', 'user_session', 'user_role', 'app_user', 'agency', 'jurisdiction']) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
