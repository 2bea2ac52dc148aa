import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { loadConfig } from '../../../server/config/config';
import { startPlatform, type Platform } from '../../../server/platform';
import { deployShippedContent } from '../../../server/workflow-runtime/content.deployer';
import { buildWebBundle } from '../../support/browser';
import { createTestDatabase, type TestDatabase } from '../../support/database';

export interface E2ePlatform {
  url: string;
  platform: Platform;
  t: TestDatabase<unknown>;
  password: string;
  stop(): Promise<void>;
}

/**
 * The real stack for end-to-end tests: `startPlatform` on a fresh test database (migrations, demo
 * seed, the built web app), the shipped forms and procedures deployed, listening on a free port.
 */
export async function startE2ePlatform(env: Record<string, string> = {}, clock?: { now(): Date }): Promise<E2ePlatform> {
  const t = await createTestDatabase();
  const webDistDir = await buildWebBundle();
  const config = loadConfig({ DATABASE_URL: t.url, WEB_DIST_DIR: webDistDir, SEED_DEMO: 'true', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: '.data/e2e', ...env });
  const platform = await startPlatform({ config, clock });
  await deployShippedContent(platform.db, platform.app.engine, clock ?? { now: () => new Date() });
  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = platform.app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    platform,
    t,
    password: platform.seed?.password ?? 'ThuNghiem@2026',
    async stop() {
      await platform.stop();
      await t.destroy();
    },
  };
}

/** A signed-in API client in Node (cookie + CSRF), for the steps a test does not drive through the UI. */
export interface ApiClient {
  userId: string;
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

export async function apiLogin(baseUrl: string, username: string, password: string): Promise<ApiClient & { cookie: string }> {
  const response = await fetch(`${baseUrl}/api/session/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
  const session = (await response.json()) as { csrfToken: string; user: { id: string } };
  return {
    userId: session.user.id,
    cookie,
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const r = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': session.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      if (!r.ok) throw new Error(`${method} ${path} as ${username}: ${r.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

/** Signs in through the login page as another demo user (the previous user's cookies are dropped). */
export async function signInPage(context: BrowserContext, baseUrl: string, username: string, password: string, path = '/tasks'): Promise<Page> {
  for (const open of context.pages()) await open.close();
  await context.clearCookies();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.locator('.shell-header').waitFor();
  return page;
}

/**
 * Signs a browser in as a demo user through the real login API and hands the session cookie to the
 * browser as a session cookie. Used when the server runs on a FakeClock in the past (the 2022
 * ruleset era): the server's cookie would carry an `Expires` date the browser already considers past.
 */
export async function signInWithSession(context: BrowserContext, baseUrl: string, username: string, password: string, path: string): Promise<Page> {
  for (const open of context.pages()) await open.close();
  await context.clearCookies();
  const { cookie } = await apiLogin(baseUrl, username, password);
  const [name, value] = cookie.split('=');
  await context.addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(`${baseUrl}${path}`);
  await page.locator('.shell-header').waitFor();
  return page;
}
