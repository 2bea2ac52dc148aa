import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The `npm start` path with no DATABASE_URL: embedded PostgreSQL under a data dir, migrations,
 * seed, web app, /health; Ctrl-C stops cleanly and a second start reuses the data.
 */
describe('npm start on the embedded PostgreSQL', () => {
  const dataDir = path.resolve(`.data/smoke-${process.pid}`);
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should serve /health, stop on SIGINT, and reuse its data on the second start', async () => {
    // given
    const env = { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()), LOG_LEVEL: 'warn' };

    // when
    const first = await startServer(env, children);
    const firstHealth = await fetch(`http://127.0.0.1:${env.PORT}/health`);
    const page = await fetch(`http://127.0.0.1:${env.PORT}/tasks`, { headers: { accept: 'text/html' } });
    const versionFile = path.join(dataDir, 'pg', 'PG_VERSION');
    const createdAt = statSync(versionFile).mtimeMs;
    const firstExit = await stop(first.child);
    const second = await startServer(env, children);
    const secondHealth = await fetch(`http://127.0.0.1:${env.PORT}/health`);
    const secondExit = await stop(second.child);

    // then
    expect(first.output).toContain('demo');
    expect(firstHealth.status).toBe(200);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(firstExit).toBe(0);
    expect(secondHealth.status).toBe(200);
    expect(existsSync(versionFile) && statSync(versionFile).mtimeMs).toBe(createdAt);
    expect(secondExit).toBe(0);
  }, 180_000);
});

async function startServer(env: NodeJS.ProcessEnv, children: ChildProcess[]): Promise<{ child: ChildProcess; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 150_000;
  while (!output.includes('http://localhost:')) {
    if (child.exitCode !== null) throw new Error(`server exited early: ${output}`);
    if (Date.now() > deadline) throw new Error(`server did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { child, output };
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
