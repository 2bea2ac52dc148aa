import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Plan indicators (defined as data: a JSON measure compiled to SQL), manual observations, report
 * runs (XLSX/PDF with progress), report schedules, import runs and webhook subscriptions/deliveries.
 */
export const m0010_indicators: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('indicator_plan')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name_vi', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('source_ref', 'text')
      // The jurisdiction the plan's targets apply to (its subtree is measured).
      .addColumn('jurisdiction_code', 'text', (c) => c.notNull())
      .addColumn('period_from', 'date', (c) => c.notNull())
      .addColumn('period_to', 'date', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();

    await db.schema
      .createTable('indicator')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('plan_code', 'text', (c) => c.references('indicator_plan.code').onDelete('cascade'))
      .addColumn('name_vi', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('description', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      .addColumn('unit', 'text', (c) => c.notNull().check(sql`unit IN ('persons','count','percent','days')`))
      .addColumn('measure', 'jsonb', (c) => c.notNull())
      // {op: '>=' | '>' | '<=' | '<' | '=', value: number} or null (tracked without target)
      .addColumn('target', 'jsonb')
      .addColumn('period_from', 'date', (c) => c.notNull())
      .addColumn('period_to', 'date', (c) => c.notNull())
      .addColumn('jurisdiction_code', 'text', (c) => c.notNull())
      .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();

    // Values no procedure records (counselling points opened, staff trained): entered by hand.
    await db.schema
      .createTable('indicator_observation')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicator.code').onDelete('cascade'))
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('observed_on', 'date', (c) => c.notNull())
      .addColumn('value', 'numeric', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_by', 'uuid')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await sql`CREATE INDEX indicator_observation_idx ON indicator_observation (indicator_code, scope text_pattern_ops)`.execute(db);

    await db.schema
      .createTable('report_run')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('half_year','annual')`))
      .addColumn('jurisdiction_code', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('period_from', 'date', (c) => c.notNull())
      .addColumn('period_to', 'date', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().check(sql`state IN ('queued','running','done','failed')`))
      .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('error', 'text')
      .addColumn('xlsx', 'bytea')
      .addColumn('pdf', 'bytea')
      .addColumn('requested_by', 'uuid')
      .addColumn('recipients', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('finished_at', 'timestamptz')
      .execute();
    await sql`CREATE INDEX report_run_scope_idx ON report_run (scope text_pattern_ops, created_at)`.execute(db);

    await db.schema
      .createTable('report_schedule')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('jurisdiction_code', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('half_year','annual')`))
      .addColumn('recipients', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
      .addColumn('last_period_to', 'date')
      .addUniqueConstraint('report_schedule_unique', ['jurisdiction_code', 'kind'])
      .execute();

    await db.schema
      .createTable('import_run')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('format', 'text', (c) => c.notNull().check(sql`format IN ('csv','xlsx','json')`))
      .addColumn('dry_run', 'boolean', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().check(sql`state IN ('running','done','failed','rejected')`))
      .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('processed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('imported', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('errors', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('requested_by', 'uuid')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('finished_at', 'timestamptz')
      .execute();

    await db.schema
      .createTable('webhook_subscription')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('events', sql`text[]`, (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
      // history_event id up to which case events were turned into deliveries
      .addColumn('last_event_id', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'uuid')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('webhook_delivery')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('subscription_id', 'uuid', (c) => c.notNull().references('webhook_subscription.id').onDelete('cascade'))
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('payload', 'jsonb', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().check(sql`state IN ('pending','delivered','failed')`))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_status', 'integer')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('delivered_at', 'timestamptz')
      .execute();
    await db.schema.createIndex('webhook_delivery_sub_idx').on('webhook_delivery').columns(['subscription_id', 'created_at']).execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of ['webhook_delivery', 'webhook_subscription', 'import_run', 'report_schedule', 'report_run', 'indicator_observation', 'indicator', 'indicator_plan']) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
