import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config/config';
import type { ServerDatabase } from '../../server/db/schema';
import { FakeClock } from './clock';

/** The real app on a test database, driven with app.inject(); no port is opened. */
export async function buildTestApp(db: Kysely<ServerDatabase>, options: { clock?: FakeClock } = {}): Promise<FastifyInstance> {
  const config = loadConfig({ WEB_DIST_DIR: '.data/no-web-in-api-tests', SEED_DEMO: 'false' });
  return buildApp({ deps: { db, config, clock: options.clock ?? new FakeClock(), version: 'test' } });
}
