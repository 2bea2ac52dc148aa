import { sql, type Kysely, type Migration } from 'kysely';

/**
 * 1. A case ends with its procedure: `rehab_case.closed_at` and a trigger on `process_instance`
 *    that closes the case (status `closed`, or `cancelled`) in the same transaction as the engine's
 *    command that ends the root instance (complete, terminate end event, admin cancel). When the
 *    person then has no other open case, their status history gets a `closed` entry. A trigger on
 *    `rehab_case.instance_id` covers an instance that already ended in its start command.
 * 2. Court areas per province (2025 regional courts): `court_area` rows and the court area of each
 *    2025 commune in `jurisdiction.court_area_code` — configuration admins change, read when a
 *    case starts (`procedure-context.service.ts`), not seed constants.
 */
export const m0045_case_lifecycle_court_areas: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE rehab_case ADD COLUMN closed_at timestamptz`.execute(db);
    await sql`CREATE INDEX rehab_case_person_open_idx ON rehab_case (person_id) WHERE status = 'open'`.execute(db);
    await sql`CREATE INDEX rehab_case_instance_idx ON rehab_case (instance_id)`.execute(db);
    await sql`
      CREATE FUNCTION rehab_case_close(p_case rehab_case, p_state text, p_at timestamptz) RETURNS void
      LANGUAGE plpgsql AS $$
      DECLARE
        v_day text := to_char((p_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD');
        v_person person;
        v_statuses jsonb;
        v_last int;
      BEGIN
        UPDATE rehab_case
           SET status = CASE WHEN p_state = 'cancelled' THEN 'cancelled' ELSE 'closed' END,
               closed_at = p_at, updated_at = p_at
         WHERE id = p_case.id AND closed_at IS NULL;
        IF EXISTS (SELECT 1 FROM rehab_case WHERE person_id = p_case.person_id AND status = 'open' AND id <> p_case.id) THEN
          RETURN;
        END IF;
        SELECT * INTO v_person FROM person WHERE id = p_case.person_id FOR UPDATE;
        IF v_person.status IS NULL OR v_person.status = 'closed' THEN
          RETURN;
        END IF;
        v_statuses := CASE WHEN jsonb_typeof(v_person.statuses) = 'array' THEN v_person.statuses ELSE '[]'::jsonb END;
        v_last := jsonb_array_length(v_statuses) - 1;
        IF v_last >= 0 AND NOT (v_statuses -> v_last ? 'to') THEN
          v_statuses := jsonb_set(v_statuses, ARRAY[v_last::text, 'to'], to_jsonb(v_day));
        END IF;
        v_statuses := v_statuses || jsonb_build_array(jsonb_build_object(
          'status', 'closed', 'from', v_day, 'caseId', p_case.id::text,
          'note', CASE WHEN p_state = 'cancelled' THEN 'hồ sơ ' || p_case.code || ' bị hủy' ELSE 'hồ sơ ' || p_case.code || ' kết thúc' END));
        UPDATE person SET status = 'closed', statuses = v_statuses, updated_at = p_at WHERE id = p_case.person_id;
      END $$`.execute(db);
    await sql`
      CREATE FUNCTION rehab_case_on_instance_end() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE v_case rehab_case;
      BEGIN
        FOR v_case IN SELECT * FROM rehab_case WHERE instance_id = NEW.id::text AND closed_at IS NULL FOR UPDATE LOOP
          PERFORM rehab_case_close(v_case, NEW.state, coalesce(NEW.ended_at, now()));
        END LOOP;
        RETURN NULL;
      END $$`.execute(db);
    await sql`
      CREATE TRIGGER process_instance_closes_case AFTER UPDATE OF state ON process_instance
      FOR EACH ROW WHEN (OLD.state = 'active' AND NEW.state <> 'active' AND NEW.parent_instance_id IS NULL)
      EXECUTE FUNCTION rehab_case_on_instance_end()`.execute(db);
    await sql`
      CREATE FUNCTION rehab_case_on_instance_link() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE v_instance process_instance;
      BEGIN
        IF NEW.instance_id !~ '^[0-9a-fA-F-]{36}$' THEN
          RETURN NULL;
        END IF;
        SELECT * INTO v_instance FROM process_instance WHERE id = NEW.instance_id::uuid;
        IF FOUND AND v_instance.state <> 'active' AND NEW.closed_at IS NULL THEN
          PERFORM rehab_case_close(NEW, v_instance.state, coalesce(v_instance.ended_at, now()));
        END IF;
        RETURN NULL;
      END $$`.execute(db);
    await sql`
      CREATE TRIGGER rehab_case_instance_linked AFTER UPDATE OF instance_id ON rehab_case
      FOR EACH ROW WHEN (NEW.instance_id IS NOT NULL AND NEW.instance_id IS DISTINCT FROM OLD.instance_id)
      EXECUTE FUNCTION rehab_case_on_instance_link()`.execute(db);

    await db.schema
      .createTable('court_area')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('province_code', 'text', (c) => c.notNull().references('jurisdiction.code'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('court_agency_code', 'text')
      .execute();
    await db.schema.createIndex('court_area_province_idx').on('court_area').column('province_code').execute();
    await sql`ALTER TABLE jurisdiction ADD COLUMN court_area_code text REFERENCES court_area(code)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`ALTER TABLE jurisdiction DROP COLUMN IF EXISTS court_area_code`.execute(db);
    await db.schema.dropTable('court_area').ifExists().execute();
    await sql`DROP TRIGGER IF EXISTS rehab_case_instance_linked ON rehab_case`.execute(db);
    await sql`DROP TRIGGER IF EXISTS process_instance_closes_case ON process_instance`.execute(db);
    await sql`DROP FUNCTION IF EXISTS rehab_case_on_instance_link()`.execute(db);
    await sql`DROP FUNCTION IF EXISTS rehab_case_on_instance_end()`.execute(db);
    await sql`DROP FUNCTION IF EXISTS rehab_case_close(rehab_case, text, timestamptz)`.execute(db);
    await sql`DROP INDEX IF EXISTS rehab_case_instance_idx`.execute(db);
    await sql`DROP INDEX IF EXISTS rehab_case_person_open_idx`.execute(db);
    await sql`ALTER TABLE rehab_case DROP COLUMN IF EXISTS closed_at`.execute(db);
  },
};
