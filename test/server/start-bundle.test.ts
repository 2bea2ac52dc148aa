import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServerBundle, startNodeFlags } from '../../scripts/start-build';
import { createTestDatabase, type TestDatabase } from '../support/database';

const vmKb = (pid: number, field: 'VmRSS' | 'VmHWM') => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

/** `npm start` = scripts/start-build.ts, then plain node on the bundle: the same two steps here. */
describe('npm start (server bundle under plain node)', () => {
  const dir = path.resolve('.data', `test-start-${randomBytes(4).toString('hex')}`);
  let t: TestDatabase<unknown>;
  let child: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    t = await createTestDatabase({ max: 1 });
    mkdirSync(path.join(dir, 'web'), { recursive: true });
    writeFileSync(path.join(dir, 'web', 'index.html'), '<!doctype html><title>smoke</title>');
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await t.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should build the server, start it with demo data, answer /health and stop on SIGTERM', async () => {
    // given a bundle of server/main.ts outside the source tree
    const bundle = await buildServerBundle(process.cwd(), path.join(dir, 'build', 'server.mjs'));

    // when it runs under plain node against the test database with the demo seed
    child = spawn(process.execPath, [...startNodeFlags(), bundle], {
      env: { ...process.env, DATABASE_URL: t.url, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'true', LOG_LEVEL: 'warn', WEB_DIST_DIR: path.join(dir, 'web'), DATA_DIR: path.join(dir, 'data') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const deadline = Date.now() + 25_000;
    while (!/is running: http:\/\/localhost:(\d+)/.test(output) && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const port = /is running: http:\/\/localhost:(\d+)/.exec(output)?.[1];
    expect(port, output).toBeDefined();
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    const docs = await fetch(`http://127.0.0.1:${port}/docs/json`);
    const web = await fetch(`http://127.0.0.1:${port}/`);
    const rssMb = vmKb(child.pid!, 'VmRSS') / 1024;
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');

    // then it served the API, its docs and the web app, printed the demo logins and stopped cleanly
    expect(health.status).toBe(200);
    expect(docs.status).toBe(200);
    expect(await web.text()).toContain('smoke');
    expect(output).toMatch(/demo logins[\s\S]*\badmin\b/);
    expect(rssMb).toBeLessThan(300);
    expect(await exited).toBe(0);
  }, 45_000);
});
