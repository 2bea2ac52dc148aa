import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createEngine } from '../../../engine/index';
import { createDatabase } from '../../../server/db/database';
import type { ServerDatabase } from '../../../server/db/schema';
import { seedIdentity } from '../../../server/seed/index';
import { demoSeed as serverDemoSeed } from '../../../server/seed/demo-data';
import { deployShippedContent } from '../../../server/workflow-runtime/content.deployer';
import { TaskDriver } from '../../../server/workflow-runtime/task-driver';
import { workflowRuntimePlugin } from '../../../server/workflow-runtime/workflow-runtime.plugin';
import { startProcedure, type StartProcedureInput } from '../../../server/workflow-runtime/procedure.starter';
import { demoSeed } from '../../../workflows/index';
import { buildApp } from '../../../server/app';
import { loadConfig } from '../../../server/config/config';
import { loginAs, type LoggedIn } from '../../support/app';
import { FakeClock } from '../../support/clock';
import type { TestDatabase } from '../../support/database';

export interface ScenarioPlatform {
  t: TestDatabase<ServerDatabase>;
  db: Kysely<ServerDatabase>;
  app: FastifyInstance;
  clock: FakeClock;
  driver: TaskDriver;
  start(input: StartProcedureInput): ReturnType<typeof startProcedure>;
  login(username: string): Promise<LoggedIn>;
  userId(username: string): Promise<string>;
  destroy(): Promise<void>;
}

const withDatabase = (url: string, database: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('testDatabase').adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * A template database for the whole run: migrated + workflows' demo province + every shipped form,
 * holiday and procedure deployed (built once under an advisory lock, then renamed into place), so
 * each scenario file clones it in milliseconds instead of deploying the content again.
 */
async function scenarioTemplate(): Promise<string> {
  const { adminUrl, template, prefix } = inject('testDatabase');
  const name = `${prefix}_scn`;
  await admin(async (client) => {
    await client.query('SELECT pg_advisory_lock(72626001)');
    try {
      if ((await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount) return;
      const building = `${name}_build`;
      await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${building}" TEMPLATE "${template}"`);
      const db = createDatabase<ServerDatabase>({ url: withDatabase(adminUrl, building) });
      try {
        const clock = new FakeClock();
        await seedIdentity(db, serverDemoSeed);
        await deployShippedContent(db, createEngine({ db, clock }), clock);
      } finally {
        await db.destroy();
      }
      await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    } finally {
      await client.query('SELECT pg_advisory_unlock(72626001)');
    }
  });
  return name;
}

async function cloneScenarioDatabase(): Promise<TestDatabase<ServerDatabase>> {
  const { adminUrl, prefix } = inject('testDatabase');
  const source = await scenarioTemplate();
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${source}"`));
  const url = withDatabase(adminUrl, name);
  const db = createDatabase<ServerDatabase>({ url, max: 10 });
  return {
    db, url, name,
    async destroy() {
      await db.destroy();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** One database + one app per scenario file: workflows' demo province, every procedure deployed. */
export async function createScenarioPlatform(startAt = '2026-03-02T08:00:00+07:00'): Promise<ScenarioPlatform> {
  const started = Date.now();
  const lap = (what: string) => { if (process.env.SCENARIO_TIMING) console.log(`${what}: ${Date.now() - started} ms`); };
  const t = await cloneScenarioDatabase();
  lap('database');
  const clock = new FakeClock(startAt);
  const config = loadConfig({ WEB_DIST_DIR: '.data/no-web-in-api-tests', SEED_DEMO: 'false', LOGIN_RATE_LIMIT: '10000', DATA_DIR: '.data/test-scenarios', SESSION_TTL_MINUTES: '10000000', SESSION_IDLE_MINUTES: '10000000' });
  const app = await buildApp({ deps: { db: t.db, config, clock, version: 'test' } });
  if (!app.hasDecorator('workflowRuntime')) await app.register(workflowRuntimePlugin);
  await app.ready();
  lap('app');
  // Sessions live as long as the file (the fake clock jumps months; the session limits are raised).
  const sessions = new Map<string, { session: LoggedIn; at: number }>();
  return {
    t, db: t.db, app, clock,
    driver: new TaskDriver(app),
    start: async (input) => {
      const started = await startProcedure({ db: t.db, engine: app.engine, clock }, input);
      await app.workflowRuntime.drain();
      return started;
    },
    async login(username) {
      const now = clock.now().getTime();
      const cached = sessions.get(username);
      if (cached) return cached.session;
      const session = await loginAs(app, username, demoSeed.demoPassword);
      sessions.set(username, { session, at: now });
      return session;
    },
    async userId(username) {
      return (await t.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
    },
    async destroy() {
      await app.close();
      await t.destroy();
    },
  };
}

/** Element ids of the instance tree's history in order (activations of user/service tasks, events, gateways). */
export async function elementPath(app: FastifyInstance, rootInstanceId: string, filter: (elementId: string) => boolean = () => true): Promise<string[]> {
  const page = await app.engine.listHistory({ rootInstanceId, types: ['element.completed'], limit: 2000 });
  return [...page.items].sort((a, b) => Number(a.id) - Number(b.id))
    .map((e) => e.element_id ?? '').filter((id) => id && !id.startsWith('Flow_') && filter(id));
}

/** Adds a person in a commune (2022 communes have the district in their path). */
export async function addPerson(db: Kysely<ServerDatabase>, communeCode: string, fullName: string, extra: { dateOfBirth?: string } = {}): Promise<string> {
  const j = await db.selectFrom('jurisdiction').select(['path']).where('code', '=', communeCode).executeTakeFirstOrThrow();
  const row = await db.insertInto('person').values({
    full_name: fullName, date_of_birth: extra.dateOfBirth ?? '1990-01-01', sex: 'male', id_type: 'cccd', id_number: `0990900${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`,
    province_code: j.path.split('/')[1], commune_code: communeCode, scope: j.path, permanent_address: `Thôn Một, ${communeCode}`,
    status: null, statuses: '[]', created_by: null, created_at: new Date(), updated_at: new Date(),
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
