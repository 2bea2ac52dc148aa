import pg from 'pg';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config/config';
import { createDatabase } from '../../server/db/database';
import { migrateToLatest } from '../../server/db/migrator';
import type { ServerDatabase } from '../../server/db/schema';
import { runSeeders, seedIdentity } from '../../server/seed/index';
import { startWorkflowContent } from '../../server/workflow-runtime/content.boot';
import { Progress } from './progress';
import { CLONE_TABLE_COUNT, cloneTrees, loadTemplates, loadUserMap } from './seed-clone';
import { benchCommunes, benchIdentitySeed } from './seed-geography';
import { cloneTableSql, PERSONS_SQL } from './seed-persons';

export interface SeedOptions {
  url: string;
  persons: number;
  /** share of persons with an open task (0.4 → 100 000 open tasks at 250 000 persons) */
  openTaskShare?: number;
  progress?: boolean;
  say?: (line: string) => void;
}

export interface SeedReport {
  seconds: number;
  templates: number;
  counts: Record<string, number>;
}

/**
 * National-scale data through the real procedures: the shipped content and demo cases are run by
 * the real engine (templates), the bench geography (5 provinces × 20 communes, agencies, users) is
 * seeded like the demo identity, then persons are generated and one template tree is cloned per
 * person in SQL (INSERT … SELECT over generate_series).
 */
export async function seedBench(options: SeedOptions): Promise<SeedReport> {
  const say = options.say ?? (() => undefined);
  const started = Date.now();
  const db = createDatabase<ServerDatabase>({ url: options.url, max: 4 });
  try {
    say('migrations, demo identity, bench geography …');
    await migrateToLatest(db as never);
    await runSeeders(db);
    await seedIdentity(db, benchIdentitySeed());
    say('shipped procedures + demo cases driven by the engine (templates) …');
    const config = loadConfig({ WEB_DIST_DIR: '.data/no-web-in-bench', SEED_DEMO: 'true', DATABASE_URL: options.url, LOG_LEVEL: 'warn' });
    const app = await buildApp({ deps: { db, config, clock: { now: () => new Date() }, version: 'bench' }, logger: false });
    try {
      await startWorkflowContent(app, true);
    } finally {
      await app.close();
    }
  } finally {
    await db.destroy();
  }

  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  try {
    await client.query('SET synchronous_commit = off');
    const communes = benchCommunes();
    await client.query('DROP TABLE IF EXISTS bench_geo, bench_clone');
    await client.query(`CREATE UNLOGGED TABLE bench_geo (idx int PRIMARY KEY, code text, province text, path text, region text)`);
    await client.query(
      `INSERT INTO bench_geo SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[])`,
      [communes.map((_, i) => i), communes.map((c) => c.code), communes.map((c) => c.province), communes.map((c) => c.path), communes.map((c) => c.region)],
    );
    const all = await loadTemplates(client);
    const withTasks = all.filter((t) => t.openTasks > 0);
    const others = all.filter((t) => t.openTasks === 0);
    if (!withTasks.length) throw new Error('no template has an open task');
    const templates = [...withTasks, ...others];
    const avgOpen = withTasks.reduce((s, t) => s + t.openTasks, 0) / withTasks.length;
    const layout = {
      persons: options.persons,
      withTasks: others.length ? Math.min(options.persons, Math.round((options.persons * (options.openTaskShare ?? 0.4)) / avgOpen)) : options.persons,
      taskTemplates: withTasks.length,
      otherTemplates: others.length,
    };
    say(`${templates.length} template trees (${withTasks.length} with open tasks); ${layout.withTasks} of ${layout.persons} persons get one with open tasks`);
    const demoCommunes = (await client.query<{ code: string }>(`SELECT code FROM jurisdiction WHERE level = 'commune' AND code ~ '^9[89]'`)).rows.map((r) => r.code);
    const users = await loadUserMap(client);
    const bar = new Progress(2 + CLONE_TABLE_COUNT * templates.length + 1, options.progress ? process.stderr : devNull());
    await client.query(cloneTableSql(layout));
    await client.query('CREATE INDEX ON bench_clone (slot)');
    bar.tick('clone plan');
    await client.query(PERSONS_SQL);
    bar.tick('persons');
    await cloneTrees(client, templates, users, demoCommunes, (label) => bar.tick(label));
    await client.query('DROP TABLE bench_clone, bench_geo');
    await client.query('ANALYZE');
    bar.tick('analyze');
    bar.end();
    const counts: Record<string, number> = {};
    for (const [name, q] of Object.entries({
      persons: 'SELECT count(*) FROM person',
      cases: 'SELECT count(*) FROM rehab_case',
      instances: 'SELECT count(*) FROM process_instance',
      openTasks: `SELECT count(*) FROM task WHERE state = 'created'`,
      tasks: 'SELECT count(*) FROM task',
      historyEvents: 'SELECT count(*) FROM history_event',
      variables: 'SELECT count(*) FROM variable',
      jobs: 'SELECT count(*) FROM job',
      users: 'SELECT count(*) FROM app_user',
      communes: `SELECT count(*) FROM jurisdiction WHERE level = 'commune'`,
    })) {
      counts[name] = Number((await client.query<{ count: string }>(q)).rows[0].count);
    }
    return { seconds: (Date.now() - started) / 1000, templates: templates.length, counts };
  } finally {
    await client.end();
  }
}

function devNull(): NodeJS.WriteStream {
  return { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;
}
