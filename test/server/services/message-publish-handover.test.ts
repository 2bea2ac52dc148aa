import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ServerDatabase } from '../../../server/db/schema';
import { handedOverCase } from '../../../server/workflow-runtime/workers/message-publish.worker';
import { createTestDatabase, type TestDatabase } from '../../support/database';

const PERSON = '00000000-0000-4000-8000-0000000000a1';

describe('message.publish: the case a handover job opened (migration 0080)', () => {
  let t: TestDatabase<ServerDatabase>;

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>({ max: 2 });
    await sql`INSERT INTO person (id, full_name, scope, created_at, updated_at) VALUES (${PERSON}, 'Nguyễn Văn A', '/99/', now(), now())`.execute(t.db);
    await sql`INSERT INTO rehab_case (code, person_id, procedure_key, title, scope, data, created_at, updated_at)
      SELECT 'HS-' || g, ${PERSON}, 'court-decision', 'Hồ sơ', '/99/',
        CASE WHEN g % 10 = 0 THEN jsonb_build_object('handoverJobId', 'job-' || g, 'message', 'm') ELSE '{}'::jsonb END, now(), now()
      FROM generate_series(1, 200) g`.execute(t.db);
    await sql`ANALYZE rehab_case`.execute(t.db);
  });
  afterAll(async () => {
    await t.destroy();
  });

  it('should find the case by its handover job through the partial index', async () => {
    // given sequential scans discouraged on one connection
    await t.db.connection().execute(async (db) => {
      await sql`SET enable_seqscan = off`.execute(db);

      // when
      const plan = (await handedOverCase(db, 'job-50').explain()).map((row) => String(row['QUERY PLAN'])).join('\n');
      const found = await handedOverCase(db, 'job-50').executeTakeFirst();
      const none = await handedOverCase(db, 'job-51').executeTakeFirst();

      // then
      expect(plan).toContain('rehab_case_handover_job_idx');
      expect(found?.id).toBeDefined();
      expect(none).toBeUndefined();
      await sql`RESET enable_seqscan`.execute(db);
    });
  });
});
