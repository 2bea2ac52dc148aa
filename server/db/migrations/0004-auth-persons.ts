import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Sessions hardening, agency candidate groups, TOTP, append-only audit with scopes, and the
 * person / case registers (accent-insensitive search via an IMMUTABLE unaccent wrapper + pg_trgm).
 */
export const m0004_auth_persons: Migration = {
  async up(db: Kysely<unknown>) {
    // Candidate groups an agency answers (`police:99130`, `court:99-KV1`, `agency:CA-99130`).
    await sql`ALTER TABLE agency ADD COLUMN candidate_groups text[] NOT NULL DEFAULT '{}'`.execute(db);
    await sql`CREATE INDEX agency_candidate_groups_idx ON agency USING gin (candidate_groups)`.execute(db);

    await sql`ALTER TABLE app_user ADD COLUMN totp_enabled boolean NOT NULL DEFAULT false`.execute(db);
    await sql`ALTER TABLE app_user ADD COLUMN totp_last_step bigint`.execute(db);
    await sql`ALTER TABLE app_user ADD COLUMN password_changed_at timestamptz`.execute(db);

    // Session id is the sha256 of the cookie token (the token itself is never stored).
    await sql`ALTER TABLE user_session ADD COLUMN ip text`.execute(db);
    await sql`ALTER TABLE user_session ADD COLUMN user_agent text`.execute(db);

    // Audit rows carry the jurisdiction path of what they are about, so auditors see their subtree.
    await sql`ALTER TABLE audit_log ADD COLUMN scope text`.execute(db);
    await sql`CREATE INDEX audit_log_scope_idx ON audit_log (scope text_pattern_ops)`.execute(db);
    await sql`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = '42501';
      END $$`.execute(db);
    await sql`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
    await sql`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);

    // unaccent() is STABLE; an IMMUTABLE wrapper naming the dictionary can back an index.
    await sql`
      CREATE FUNCTION f_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
      $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, replace(replace($1, 'đ', 'd'), 'Đ', 'D'))) $$`.execute(db);

    await db.schema
      .createTable('person')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('full_name', 'text', (c) => c.notNull())
      .addColumn('other_names', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn('date_of_birth', 'date')
      .addColumn('sex', 'text', (c) => c.check(sql`sex IN ('male','female')`))
      .addColumn('id_type', 'text', (c) => c.check(sql`id_type IN ('cccd','cmnd','passport','birth_certificate')`))
      .addColumn('id_number', 'text')
      .addColumn('province_code', 'text')
      .addColumn('commune_code', 'text')
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('permanent_address', 'text')
      .addColumn('status', 'text')
      .addColumn('statuses', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('created_by', 'uuid')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await sql`
      CREATE FUNCTION f_person_search(text, text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT f_unaccent(coalesce($1, '') || ' ' || coalesce(array_to_string($2, ' '), '')) $$`.execute(db);
    await sql`ALTER TABLE person ADD COLUMN search_name text GENERATED ALWAYS AS (f_person_search(full_name, other_names)) STORED`.execute(db);
    await sql`CREATE INDEX person_search_trgm_idx ON person USING gin (search_name gin_trgm_ops)`.execute(db);
    await sql`CREATE INDEX person_scope_idx ON person (scope text_pattern_ops)`.execute(db);
    await sql`CREATE INDEX person_id_number_idx ON person (id_number)`.execute(db);

    await db.schema
      .createTable('rehab_case')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('person_id', 'uuid', (c) => c.notNull().references('person.id'))
      .addColumn('procedure_key', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
      .addColumn('instance_id', 'text')
      .addColumn('data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      // Health data of a determination (test results, conclusion): field-level authorization.
      .addColumn('medical', 'jsonb')
      .addColumn('created_by', 'uuid')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await sql`CREATE INDEX rehab_case_scope_idx ON rehab_case (scope text_pattern_ops)`.execute(db);
    await db.schema.createIndex('rehab_case_person_idx').on('rehab_case').column('person_id').execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('rehab_case').ifExists().execute();
    await db.schema.dropTable('person').ifExists().execute();
    await sql`DROP FUNCTION IF EXISTS f_person_search(text, text[])`.execute(db);
    await sql`DROP FUNCTION IF EXISTS f_unaccent(text)`.execute(db);
    await sql`DROP TRIGGER IF EXISTS audit_log_no_update ON audit_log`.execute(db);
    await sql`DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log`.execute(db);
    await sql`DROP FUNCTION IF EXISTS audit_log_append_only()`.execute(db);
    await sql`DROP INDEX IF EXISTS audit_log_scope_idx`.execute(db);
    await sql`ALTER TABLE audit_log DROP COLUMN IF EXISTS scope`.execute(db);
    await sql`ALTER TABLE user_session DROP COLUMN IF EXISTS ip, DROP COLUMN IF EXISTS user_agent`.execute(db);
    await sql`ALTER TABLE app_user DROP COLUMN IF EXISTS totp_enabled, DROP COLUMN IF EXISTS totp_last_step, DROP COLUMN IF EXISTS password_changed_at`.execute(db);
    await sql`DROP INDEX IF EXISTS agency_candidate_groups_idx`.execute(db);
    await sql`ALTER TABLE agency DROP COLUMN IF EXISTS candidate_groups`.execute(db);
  },
};
