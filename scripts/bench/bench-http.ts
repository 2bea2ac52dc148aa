/**
 * `npm run bench:http` — HTTP load against the real server (a child process on a loopback port) on
 * the seeded database (`BENCH_DATABASE_URL`, see bench:seed), with real sessions of `--users` users
 * of different jurisdictions: list my tasks, open a task (one call), search a person, a person's
 * timeline, complete a task (form validated). Before the HTTP loads, the in-process engine does
 * the same claim + complete work on other cloned tasks (the engine figure of the same run).
 * Flags: --users 50 --seconds 20 --port 3310 --per-user 100 (completions prepared per user; a user without any left idles, uncounted),
 * --engine-per-user 10, --rate 0 (req/s per user; 0 = saturate), --warmup 3 (unmeasured seconds per endpoint), --only 0,1 (endpoints by index); BENCH_SERVER_PROFILE=1 writes a CPU profile
 * of the server to .data/bench/prof.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { benchDatabaseUrl, databaseName, flag, settleDeadlineNotifications } from './bench-db';
import { CpuMeter } from './cpu-meter';
import { engineCompleteLoop } from './engine-loop';
import { runLoad, type LoadResult, type Req } from './http-load';
import { startServerChild } from './http-server';
import { benchUsers, completionsFor, login, personsUnder, visibleTasks, type Completion, type Session } from './http-sessions';

const USERS = Number(flag('users', '50'));
const SECONDS = Number(flag('seconds', '20'));
const PORT = Number(flag('port', '3310'));
const PER_USER = Number(flag('per-user', '100'));
/** seconds of unmeasured load per endpoint first (JIT, validator compile, BPMN graph cache, pools) */
const WARMUP = Number(flag('warmup', '3'));
const ENGINE_PER_USER = Number(flag('engine-per-user', '10'));
/** requests per second per user (think time between them); 0 = back to back, saturating the server */
const RATE = Number(flag('rate', '0'));
/** e.g. `--only 0,4`: run only these endpoints (indexes in the table order) */
const ONLY = flag('only')?.split(',').map(Number);
const url = benchDatabaseUrl();
const say = (line: string) => process.stdout.write(`${line}\n`);
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');

const client = new pg.Client({ connectionString: url });
await client.connect();
const scale = (await client.query<{ persons: string; open: string; history: string }>(
  `SELECT (SELECT count(*) FROM person) AS persons, (SELECT count(*) FROM task WHERE state = 'created') AS open, (SELECT reltuples::bigint FROM pg_class WHERE relname = 'history_event') AS history`,
)).rows[0];
say(`bench:http on ${scale.persons} persons, ${scale.open} open tasks, ~${scale.history} history events; ${USERS} users × ${SECONDS} s, ${RATE ? `${RATE} req/s per user` : 'back to back'}; load ${load()} (${os.cpus().length} cores)`);

say(`deadline notifications settled for ${await settleDeadlineNotifications(client)} due tasks (steady state, see bench-db.ts)`);
// Steady state of the visibility map (autovacuum, migration 0050): earlier runs completed the oldest tasks.
await client.query('VACUUM (ANALYZE) task');
const server = await startServerChild(url, PORT);
try {
  const users = benchUsers(USERS);
  const sessions: Session[] = [];
  for (const u of users) sessions.push(await login(server.baseUrl, u.username, u.home));
  say(`${sessions.length} sessions; preparing task pools …`);

  // Task pools: the oldest visible tasks of each user; the first ones feed the engine loop.
  const completions: Completion[][] = [];
  const engineWork: { completion: Completion; actor: string }[] = [];
  const openIds: string[][] = [];
  let rejected = 0;
  for (const s of sessions) {
    const ids = await visibleTasks(server.baseUrl, s, Math.min(200, PER_USER + ENGINE_PER_USER));
    const prepared = await completionsFor(server.baseUrl, s, ids);
    rejected += prepared.rejected;
    for (const c of prepared.requests.slice(0, ENGINE_PER_USER)) engineWork.push({ completion: c, actor: s.userId });
    completions.push(prepared.requests.slice(ENGINE_PER_USER));
    openIds.push(prepared.requests.slice(ENGINE_PER_USER).map((c) => c.taskId));
  }
  say(`pools: ${engineWork.length} tasks for the engine loop, ${completions.reduce((n, c) => n + c.length, 0)} for HTTP complete (${rejected} tasks skipped: example data not valid for their form)`);

  const people: { ids: string[]; terms: string[] }[] = [];
  for (const s of sessions) people.push(await personsUnder(client, s.home, 40));

  say(`engine loop (in-process, ${USERS} clients) … load ${load()}`);
  const engineMeter = new CpuMeter(client, databaseName(url), () => [process.pid]);
  const engineRun = await engineCompleteLoop(url, engineWork, USERS, engineMeter);
  const engineCpu = engineRun.cpu as { serverMs: number; postgresMs: number };
  const engine = { ...engineRun, load1: os.loadavg()[0], nodeCpuMs: engineCpu.serverMs / Math.max(1, engineRun.completions), postgresCpuMs: engineCpu.postgresMs / Math.max(1, engineRun.completions) };

  server.resetRss();
  const results: LoadResult[] = [];
  const cursor = sessions.map(() => 0);
  const cycle = <T>(user: number, list: T[]): T | null => (list.length ? list[cursor[user]++ % list.length] : null);
  const get = (user: number, path: string | null): Req | null => (path ? { method: 'GET', path, headers: sessions[user].headers } : null);
  const runs: [string, (user: number) => Req | null][] = [
    ['my tasks (list)', (u) => get(u, '/api/tasks?limit=50')],
    ['open task (one call)', (u) => get(u, openIds[u].length ? `/api/tasks/${cycle(u, openIds[u])}` : null)],
    ['person search', (u) => get(u, people[u].terms.length ? `/api/persons?q=${encodeURIComponent(cycle(u, people[u].terms) ?? '')}&limit=20` : null)],
    ['person timeline', (u) => get(u, people[u].ids.length ? `/api/persons/${cycle(u, people[u].ids)}/timeline` : null)],
    ['complete task', (u) => completions[u].shift() ?? null],
  ];
  for (const [index, [name, next]] of runs.entries()) {
    if (ONLY && !ONLY.includes(index)) continue;
    cursor.fill(0);
    // Complete consumes tasks: its warm-up is at most 3 completions per user.
    const warmed = sessions.map(() => 0);
    const warmNext = name === 'complete task' ? (u: number) => (warmed[u]++ < 3 ? next(u) : null) : next;
    if (WARMUP > 0) await runLoad(name, server.baseUrl, sessions.length, WARMUP, warmNext, RATE);
    cursor.fill(0);
    say(`  ${name} … load ${load()}`);
    const meter = new CpuMeter(client, databaseName(url), () => [server.pid]);
    await meter.start();
    const result = await runLoad(name, server.baseUrl, sessions.length, SECONDS, next, RATE);
    const cpu = await meter.stop();
    results.push({ ...result, serverCpuMs: cpu.serverMs / Math.max(1, result.requests), postgresCpuMs: cpu.postgresMs / Math.max(1, result.requests) });
  }
  const rss = server.maxRssMb();

  say('');
  say(`| endpoint | requests | errors | req/s | p50 ms | p95 ms | p99 ms | load (1 min) | server CPU ms/req | PostgreSQL CPU ms/req | CPU-bound ceiling on 2 idle cores (req/s) |`);
  say(`|---|---|---|---|---|---|---|---|---|---|---|`);
  for (const r of results) {
    const per = (r.serverCpuMs ?? 0) + (r.postgresCpuMs ?? 0);
    say(`| ${r.name} | ${r.requests} | ${r.errors} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.load1.toFixed(1)} | ${(r.serverCpuMs ?? 0).toFixed(2)} | ${(r.postgresCpuMs ?? 0).toFixed(2)} | ${per ? (2000 / per).toFixed(0) : '—'} |`);
  }
  say(`| engine in-process claim+complete | ${engine.completions} | 0 | ${engine.perSecond.toFixed(0)} | ${engine.p50.toFixed(1)} | ${engine.p95.toFixed(1)} | ${engine.p99.toFixed(1)} | ${engine.load1.toFixed(1)} | ${engine.nodeCpuMs.toFixed(2)} | ${engine.postgresCpuMs.toFixed(2)} | ${(2000 / (engine.nodeCpuMs + engine.postgresCpuMs)).toFixed(0)} |`);
  const complete = results.find((r) => r.name === 'complete task') ?? results[results.length - 1];
  say('');
  say(`complete-task HTTP ÷ in-process engine throughput: ${((complete.perSecond / engine.perSecond) * 100).toFixed(0)} %  (target ≥ 40 %)`);
  const completeCpu = (complete.serverCpuMs ?? 0) + (complete.postgresCpuMs ?? 0);
  say(`complete-task CPU per completion, HTTP ÷ engine: ${(completeCpu / (engine.nodeCpuMs + engine.postgresCpuMs)).toFixed(2)}× (the ceiling ratio on idle cores: ${(((engine.nodeCpuMs + engine.postgresCpuMs) / completeCpu) * 100).toFixed(0)} %)`);
  say(`complete-task HTTP p95 ÷ engine p95: ${(complete.p95 / Math.max(engine.p95, 0.001)).toFixed(1)}×`);
  say(`server RSS max under load: ${rss.toFixed(0)} MB (target < 300 MB); load average now ${load()}`);
  mkdirSync('.data/bench', { recursive: true });
  writeFileSync('.data/bench/http-last.json', JSON.stringify({ at: new Date().toISOString(), scale, users: USERS, seconds: SECONDS, results, engine, rssMb: rss, load: os.loadavg() }, null, 2));
} finally {
  await server.stop();
  await client.end();
}
