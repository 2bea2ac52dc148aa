import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildServerBundle, startNodeFlags } from '../start-build';

export interface ServerChild {
  baseUrl: string;
  pid: number;
  /** highest resident set size seen since the last `resetRss()` (MB) */
  maxRssMb(): number;
  resetRss(): void;
  stop(): Promise<void>;
}

/** A web dist with only index.html, so the server never builds the web app for a bench. */
function webDist(): string {
  if (existsSync('web/dist/index.html')) return path.resolve('web/dist');
  const dir = path.resolve('.data/bench-web');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>bench</title>');
  return dir;
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

let bundle: Promise<string> | undefined;

/**
 * What runs the server: by default what `npm start` runs — the bundle of scripts/start-build.ts
 * (built once per bench process, shared by the servers of bench:scale) under plain node.
 * BENCH_SERVER_ENTRY=tsx: server/main.ts under tsx (the former start, for comparison);
 * any other value: a prebuilt bundle (e.g. scripts/bench/bundle-server.ts).
 */
async function serverEntry(): Promise<string[]> {
  const chosen = process.env.BENCH_SERVER_ENTRY;
  if (chosen === 'tsx') return ['--import', 'tsx', 'server/main.ts'];
  if (chosen) return [chosen];
  bundle ??= buildServerBundle();
  return [...startFlags(), await bundle];
}

/** The node flags of `npm start` (the heap cap), unless BENCH_SERVER_NODE_FLAGS chooses them. */
function startFlags(): string[] {
  return process.env.BENCH_SERVER_NODE_FLAGS !== undefined ? [] : startNodeFlags();
}

/**
 * The server as a child process (the pid is the server itself) on a loopback port, against
 * `databaseUrl`, demo seed off; resolves when /health answers.
 */
export async function startServerChild(databaseUrl: string, port: number, extraEnv: Record<string, string> = {}): Promise<ServerChild> {
  const entry = await serverEntry();
  const child: ChildProcess = spawn(process.execPath, [...(process.env.BENCH_SERVER_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=.data/bench/prof'] : []), ...(process.env.BENCH_SERVER_NODE_FLAGS?.split(' ').filter(Boolean) ?? []), ...entry], {
    env: {
      ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'false', LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT: '100000', WEB_DIST_DIR: webDist(), DATA_DIR: path.resolve('.data/bench-data'), ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const pid = child.pid ?? 0;
  let exited = false;
  child.on('exit', () => { exited = true; });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited) throw new Error(`server on port ${port} exited during start`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`server on port ${port} did not start`);
    await new Promise((r) => setTimeout(r, 300));
  }
  let max = rssMb(pid);
  const timer = setInterval(() => { max = Math.max(max, rssMb(pid)); }, 250);
  return {
    baseUrl,
    pid,
    maxRssMb: () => Math.max(max, rssMb(pid)),
    resetRss: () => { max = rssMb(pid); },
    async stop() {
      clearInterval(timer);
      if (exited) return;
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await done;
      clearTimeout(killer);
    },
  };
}
