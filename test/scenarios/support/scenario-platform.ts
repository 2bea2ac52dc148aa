import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../../server/db/schema';
import { seedIdentity } from '../../../server/seed/index';
import { deployShippedContent, type ContentSummary } from '../../../server/workflow-runtime/content.deployer';
import { TaskDriver } from '../../../server/workflow-runtime/task-driver';
import { workflowRuntimePlugin } from '../../../server/workflow-runtime/workflow-runtime.plugin';
import { startProcedure, type StartProcedureInput } from '../../../server/workflow-runtime/procedure.starter';
import { demoSeed } from '../../../workflows/index';
import { buildApp } from '../../../server/app';
import { loadConfig } from '../../../server/config/config';
import { loginAs, type LoggedIn } from '../../support/app';
import { FakeClock } from '../../support/clock';
import { createTestDatabase, type TestDatabase } from '../../support/database';

export interface ScenarioPlatform {
  t: TestDatabase<ServerDatabase>;
  db: Kysely<ServerDatabase>;
  app: FastifyInstance;
  clock: FakeClock;
  driver: TaskDriver;
  content: ContentSummary;
  start(input: StartProcedureInput): ReturnType<typeof startProcedure>;
  login(username: string): Promise<LoggedIn>;
  userId(username: string): Promise<string>;
  destroy(): Promise<void>;
}

/** One database + one app per scenario file: workflows' demo province, every procedure deployed. */
export async function createScenarioPlatform(startAt = '2026-03-02T08:00:00+07:00'): Promise<ScenarioPlatform> {
  const t = await createTestDatabase<ServerDatabase>();
  const clock = new FakeClock(startAt);
  await seedIdentity(t.db, demoSeed);
  const config = loadConfig({ WEB_DIST_DIR: '.data/no-web-in-api-tests', SEED_DEMO: 'false', LOGIN_RATE_LIMIT: '10000', DATA_DIR: '.data/test-scenarios' });
  const app = await buildApp({ deps: { db: t.db, config, clock, version: 'test' } });
  if (!app.hasDecorator('workflowRuntime')) await app.register(workflowRuntimePlugin);
  await app.ready();
  const content = await deployShippedContent(t.db, app.engine, clock);
  // Sessions expire as the fake clock moves: sign in again when the clock moved since the last one.
  const sessions = new Map<string, { session: LoggedIn; at: number }>();
  return {
    t, db: t.db, app, clock, content,
    driver: new TaskDriver(app),
    start: async (input) => {
      const started = await startProcedure({ db: t.db, engine: app.engine, clock }, input);
      await app.workflowRuntime.drain();
      return started;
    },
    async login(username) {
      const now = clock.now().getTime();
      const cached = sessions.get(username);
      if (cached && Math.abs(now - cached.at) < 10 * 60_000) return cached.session;
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
