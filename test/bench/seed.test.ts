import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBench, type SeedReport } from '../../scripts/bench/seed-generator';
import { createEmptyTestDatabase } from '../support/database';

describe('bench seed generator (tiny scale)', () => {
  let destroy: () => Promise<void>;
  let client: pg.Client;
  let report: SeedReport;
  const persons = 120;
  const one = async (q: string) => Number((await client.query<{ n: string }>(q)).rows[0].n);

  beforeAll(async () => {
    const t = await createEmptyTestDatabase();
    destroy = t.destroy;
    report = await seedBench({ url: t.url, persons });
    client = new pg.Client({ connectionString: t.url });
    await client.connect();
  }, 120_000);

  afterAll(async () => {
    await client?.end();
    await destroy?.();
  });

  it('should create one person, case and procedure tree per requested person, about 40 % with an open task', async () => {
    // given the templates (demo persons) plus the clones
    const templates = report.templates;
    // then
    expect(await one(`SELECT count(*) AS n FROM person WHERE id::text LIKE 'b0000000-%'`)).toBe(persons);
    expect(report.counts.cases).toBe(persons + templates);
    expect(report.counts.instances).toBeGreaterThanOrEqual(persons + templates);
    const open = await one(`SELECT count(*) AS n FROM task WHERE state = 'created' AND scope !~ '^/9[89]/'`);
    expect(open).toBeGreaterThan(persons * 0.25);
    expect(open).toBeLessThan(persons * 0.6);
    expect(report.counts.historyEvents).toBeGreaterThan(persons * 10);
  });

  it('should keep every reference inside the cloned trees', async () => {
    // then
    expect(await one(`SELECT count(*) AS n FROM task t WHERE NOT EXISTS (SELECT 1 FROM process_instance i WHERE i.id = t.instance_id) OR NOT EXISTS (SELECT 1 FROM execution e WHERE e.id = t.execution_id AND t.state = 'created') AND t.state = 'created'`)).toBe(0);
    expect(await one(`SELECT count(*) AS n FROM execution e WHERE NOT EXISTS (SELECT 1 FROM process_instance i WHERE i.id = e.instance_id)`)).toBe(0);
    expect(await one(`SELECT count(*) AS n FROM variable v WHERE NOT EXISTS (SELECT 1 FROM execution e WHERE e.id = v.scope_id) AND NOT EXISTS (SELECT 1 FROM process_instance i WHERE i.id = v.scope_id)`)).toBe(0);
    expect(await one(`SELECT count(*) AS n FROM history_event h WHERE NOT EXISTS (SELECT 1 FROM process_instance i WHERE i.id = h.instance_id)`)).toBe(0);
    // the person, case and jurisdiction of a clone agree
    expect(await one(`
      SELECT count(*) AS n FROM rehab_case c JOIN person p ON p.id = c.person_id
      JOIN variable v ON v.scope_id = c.instance_id::uuid AND v.name = 'personId'
      WHERE p.id::text LIKE 'b0000000-%' AND (v.value #>> '{}' <> p.id::text OR c.scope <> p.scope)`)).toBe(0);
    // no demo province code left in a clone's candidate groups or scope
    expect(await one(`SELECT count(*) AS n FROM task t WHERE t.business_key LIKE 'HS-B-%' AND (t.scope ~ '^/9[89]/' OR array_to_string(t.candidate_groups, ',') ~ ':9[89]($|[-,])')`)).toBe(0);
  });

  it('should keep each tree’s history in order (instance started first, times rising with ids)', async () => {
    // then
    expect(await one(`
      SELECT count(*) AS n FROM (
        SELECT root_instance_id, at, lag(at) OVER (PARTITION BY root_instance_id ORDER BY id) AS prev FROM history_event
      ) x WHERE prev > at`)).toBe(0);
    expect(await one(`
      SELECT count(*) AS n FROM (
        SELECT DISTINCT ON (root_instance_id) root_instance_id, type FROM history_event ORDER BY root_instance_id, id
      ) x WHERE type <> 'instance.started'`)).toBe(0);
  });
});
