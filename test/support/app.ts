import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config/config';
import type { ServerDatabase } from '../../server/db/schema';
import { FakeClock } from './clock';

/** The real app on a test database, driven with app.inject(); no port is opened. */
export async function buildTestApp(db: Kysely<ServerDatabase>, options: { clock?: FakeClock; env?: Record<string, string> } = {}): Promise<FastifyInstance> {
  const config = loadConfig({ WEB_DIST_DIR: '.data/no-web-in-api-tests', SEED_DEMO: 'false', ...options.env });
  return buildApp({ deps: { db, config, clock: options.clock ?? new FakeClock(), version: 'test' } });
}

export interface LoggedIn {
  /** Cookie + CSRF headers for app.inject(). */
  headers: { cookie: string; 'x-csrf-token': string };
  cookie: string;
  csrfToken: string;
  userId: string;
}

/** Signs in through the real login route; returns headers for the following requests. */
export async function loginAs(app: FastifyInstance, username: string, password = 'Test@12345', extra: { totp?: string } = {}): Promise<LoggedIn> {
  const response = await app.inject({ method: 'POST', url: '/api/session/login', payload: { username, password, ...extra } });
  if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.cookies.find((c) => c.name === 'qt_session');
  if (!setCookie) throw new Error('no session cookie');
  const cookie = `qt_session=${setCookie.value}`;
  const body = response.json() as { csrfToken: string; user: { id: string } };
  return { headers: { cookie, 'x-csrf-token': body.csrfToken }, cookie, csrfToken: body.csrfToken, userId: body.user.id };
}
