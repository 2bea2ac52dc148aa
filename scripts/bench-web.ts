/**
 * `npm run bench:web` — time to an interactive task list in real Chromium against the real server.
 *
 * A fresh database (`BENCH_WEB_DATABASE_URL`, default `qt_bench_web` on the local PostgreSQL, dropped
 * and recreated) gets the migrations, the demo seed and the shipped procedures; the production web
 * build is served by the app itself. A demo officer signs in once; then each run opens
 * `/tasks?view=groups` in a new tab and records, in the page, when the first register row exists and
 * when the next frame is painted with the main thread free (then a click on the row opens the task:
 * checked on every run), plus the
 * requests made and the JavaScript loaded (gzipped as `gzip -9` would). Cold runs use a new browser
 * profile each (empty HTTP cache); warm runs reuse one tab's cache.
 *
 * Flags: `--runs 7`, `--user ca.xa1`, `--keep` (reuse the database as it is). The machine's load average
 * is printed before and after (the figures follow it: other processes share the CPU).
 */
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { loadConfig } from '../server/config/config';
import { startPlatform } from '../server/platform';
import { deployShippedContent } from '../server/workflow-runtime/content.deployer';
import { buildWebBundle, launchBrowser, type LaunchedBrowser } from '../test/support/browser';
import { ADMIN_URL, flag, recreateDatabase, withDatabase } from './bench/bench-db';

const runs = Number(flag('runs', '7') ?? 7);
const username = flag('user', 'ca.xa1') ?? 'ca.xa1';
const url = process.env.BENCH_WEB_DATABASE_URL ?? withDatabase(ADMIN_URL, 'qt_bench_web');
const say = (line: string) => process.stdout.write(`${line}\n`);
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');

interface Run {
  rowsMs: number;
  interactiveMs: number;
  apiBeforeRows: number;
  jsFiles: string[];
  /** Every request before the first row: path, start and end (ms from navigation start). */
  waterfall: string[];
}

/** Marks, in the page, the first register row (MutationObserver) — before any script of ours runs. */
const OBSERVER = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('.task-table tbody tr a')) {
      window.__rowsAt = performance.now();
      observer.disconnect();
      // Interactive: the next frame is painted and the main thread is free to handle a click.
      requestAnimationFrame(() => setTimeout(() => { window.__readyAt = performance.now(); }, 0));
    }
  }).observe(document, { childList: true, subtree: true });
`;

async function measure(page: Page, base: string): Promise<Run> {
  await page.goto(`${base}/tasks?view=groups`);
  await page.locator('.task-table tbody tr a').first().waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => typeof (window as unknown as { __readyAt?: number }).__readyAt === 'number');
  // The rows really are interactive: a click on the first one opens the task beside the list.
  await page.locator('.task-table tbody tr a').first().click();
  await page.locator('.task-detail-pane h2').waitFor({ timeout: 30_000 });
  const result = await page.evaluate(() => {
    const w = window as unknown as { __rowsAt: number; __readyAt: number };
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    return {
      rowsAt: w.__rowsAt,
      readyAt: w.__readyAt,
      api: resources.filter((r) => r.name.includes('/api/') && r.startTime < w.__rowsAt).length,
      js: resources.filter((r) => r.name.endsWith('.js') && r.startTime < w.__rowsAt).map((r) => new URL(r.name).pathname),
      waterfall: [
        ...performance.getEntriesByType('navigation').map((n) => `document ${Math.round(n.startTime)}–${Math.round((n as PerformanceNavigationTiming).responseEnd)}`),
        ...resources.filter((r) => r.startTime < w.__rowsAt).map((r) => `${new URL(r.name).pathname}${new URL(r.name).search} ${Math.round(r.startTime)}–${Math.round(r.responseEnd)}`),
      ],
    };
  });
  const entry = await page.evaluate(() => (document.querySelector('script[type=module]') as HTMLScriptElement | null)?.src ?? '');
  const jsFiles = [...new Set([new URL(entry).pathname, ...result.js])];
  return { rowsMs: result.rowsAt, interactiveMs: result.readyAt, apiBeforeRows: result.api, jsFiles, waterfall: result.waterfall };
}

async function signIn(browser: LaunchedBrowser, base: string, password: string): Promise<void> {
  const page = await browser.newPage();
  await page.goto(`${base}/tasks`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.locator('.task-table, .empty-state').first().waitFor({ timeout: 30_000 });
  await page.close();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const row = (name: string, xs: number[]) => `| ${name} | ${Math.round(median(xs))} | ${Math.round(Math.min(...xs))} | ${Math.round(Math.max(...xs))} |`;

async function main(): Promise<void> {
  if (!process.argv.includes('--keep')) await recreateDatabase(url);
  const webDistDir = await buildWebBundle();
  const config = loadConfig({ DATABASE_URL: url, WEB_DIST_DIR: webDistDir, SEED_DEMO: 'true', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: '.data/bench-web' });
  const platform = await startPlatform({ config });
  try {
    await deployShippedContent(platform.db, platform.app.engine, { now: () => new Date() });
    await platform.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(platform.app.server.address() as AddressInfo).port}`;
    const password = platform.seed?.password ?? 'ThuNghiem@2026';
    say(`bench:web — ${runs} cold + ${runs} warm runs of ${base}/tasks?view=groups as ${username} (database ${url.replace(/:[^:@/]*@/, ':***@')}); load average ${load()}`);

    const cold: Run[] = [];
    for (let i = 0; i < runs; i += 1) {
      const browser = await launchBrowser();
      try {
        await signIn(browser, base, password);
        const page = await browser.newPage();
        await page.addInitScript(OBSERVER);
        // A new profile has an empty HTTP cache; the sign-in page loaded the bundle, so clear it.
        const cdp = await browser.context.newCDPSession(page);
        await cdp.send('Network.clearBrowserCache');
        cold.push(await measure(page, base));
      } finally {
        await browser.close();
      }
    }
    const warm: Run[] = [];
    const browser = await launchBrowser();
    try {
      await signIn(browser, base, password);
      for (let i = 0; i < runs; i += 1) {
        const page = await browser.newPage();
        await page.addInitScript(OBSERVER);
        warm.push(await measure(page, base));
        await page.close();
      }
    } finally {
      await browser.close();
    }

    const files = [...new Set(cold.flatMap((r) => r.jsFiles))];
    const sizes = await Promise.all(files.map(async (f) => ({ f, raw: 0, gz: 0, body: Buffer.from(await (await fetch(`${base}${f}`)).arrayBuffer()) })));
    for (const s of sizes) {
      s.raw = s.body.length;
      s.gz = gzipSync(s.body, { level: 9 }).length;
    }
    const gzKb = sizes.reduce((n, s) => n + s.gz, 0) / 1024;
    const rawKb = sizes.reduce((n, s) => n + s.raw, 0) / 1024;
    say('');
    say('| measure (ms from navigation start) | median | min | max |');
    say('|---|---|---|---|');
    say(row('cold cache: first register row', cold.map((r) => r.rowsMs)));
    say(row('cold cache: interactive (rows painted, main thread free)', cold.map((r) => r.interactiveMs)));
    say(row('warm cache: first register row', warm.map((r) => r.rowsMs)));
    say(row('warm cache: interactive (rows painted, main thread free)', warm.map((r) => r.interactiveMs)));
    say('');
    say(`API requests before the first row: ${median(cold.map((r) => r.apiBeforeRows))} (median)`);
    const typical = [...warm].sort((a, b) => a.rowsMs - b.rowsMs)[Math.floor(warm.length / 2)];
    say(`Requests of the median warm run (ms from navigation start), first row at ${Math.round(typical.rowsMs)}:`);
    for (const line of typical.waterfall) say(`  ${line}`);
    say(`JavaScript loaded by the task-list route: ${files.length} files, ${rawKb.toFixed(1)} kB raw, ${gzKb.toFixed(1)} kB gzipped (budget 400 kB) — ${gzKb < 400 ? 'OK' : 'OVER BUDGET'}`);
    const slow = median(cold.map((r) => r.interactiveMs));
    say(`Interactive (cold, median) ${Math.round(slow)} ms — budget 1 000 ms: ${slow < 1000 ? 'OK' : 'OVER'}`);
    say(`Load average (1, 5, 15 min) at the end: ${load()}`);
  } finally {
    await platform.stop();
  }
}

await main();
