/**
 * `npm run bench:scale` — horizontal scale-out on one PostgreSQL (the seeded `BENCH_DATABASE_URL`):
 * the same mixed load (my tasks, open a task, person search, timeline; each user cycles through
 * them) first against 1 server process, then spread over 3, then over 3 while `--jobs` timer jobs
 * fall due and the 3 job executors race for them. Afterwards every timer instance must
 * show exactly one `timer.fired` and one `instance.completed` history event (job effects counted).
 * Flags: --users 60 --seconds 20 --jobs 2000
 */
import os from 'node:os';
import pg from 'pg';
import { createEngine } from '../../engine/index';
import { createDatabase } from '../../server/db/database';
import { benchDatabaseUrl, flag, settleDeadlineNotifications } from './bench-db';
import { runLoad, type LoadResult, type Req } from './http-load';
import { startServerChild, type ServerChild } from './http-server';
import { benchUsers, login, personsUnder, visibleTasks, type Session } from './http-sessions';

const USERS = Number(flag('users', '60'));
const SECONDS = Number(flag('seconds', '20'));
const JOBS = Number(flag('jobs', '2000'));
const url = benchDatabaseUrl();
const say = (line: string) => process.stdout.write(`${line}\n`);
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');

const TIMER_XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://bench">
<bpmn:process id="bench-scale-timer" isExecutable="true">
  <bpmn:startEvent id="start"/>
  <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT5S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  <bpmn:endEvent id="end"/>
  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
  <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end"/>
</bpmn:process></bpmn:definitions>`;

const client = new pg.Client({ connectionString: url });
await client.connect();
const servers: ServerChild[] = [];
try {
  await settleDeadlineNotifications(client);
  servers.push(await startServerChild(url, 3321));
  const sessions: Session[] = [];
  for (const u of benchUsers(USERS)) sessions.push(await login(servers[0].baseUrl, u.username, u.home));
  const tasks: string[][] = [];
  const people: { ids: string[]; terms: string[] }[] = [];
  for (const s of sessions) {
    tasks.push(await visibleTasks(servers[0].baseUrl, s, 30));
    people.push(await personsUnder(client, s.home, 30));
  }
  const step = sessions.map(() => 0);
  const mixed = (user: number): Req => {
    const i = step[user]++;
    const h = sessions[user].headers;
    const pick = <T>(xs: T[]): T | undefined => (xs.length ? xs[Math.floor(i / 4) % xs.length] : undefined);
    const paths = [
      '/api/tasks?limit=50',
      pick(tasks[user]) ? `/api/tasks/${pick(tasks[user])}` : '/api/tasks?limit=50',
      pick(people[user].terms) ? `/api/persons?q=${encodeURIComponent(pick(people[user].terms) ?? '')}&limit=20` : '/api/tasks?limit=50',
      pick(people[user].ids) ? `/api/persons/${pick(people[user].ids)}/timeline` : '/api/tasks?limit=50',
    ];
    return { method: 'GET', path: paths[i % 4], headers: h };
  };

  say(`bench:scale on ${url.replace(/:[^:@/]*@/, ':***@')}: ${USERS} users × ${SECONDS} s, mixed reads; load ${load()}`);
  const results: LoadResult[] = [];
  results.push(await runLoad('1 server', servers[0].baseUrl, USERS, SECONDS, mixed));
  say(`  1 server: ${results[0].perSecond.toFixed(0)} req/s, p95 ${results[0].p95.toFixed(1)} ms; load ${load()}`);

  servers.push(await startServerChild(url, 3322), await startServerChild(url, 3323));
  step.fill(0);
  results.push(await runLoad('3 servers', (user) => servers[user % 3].baseUrl, USERS, SECONDS, mixed));
  say(`  3 servers: ${results[1].perSecond.toFixed(0)} req/s, p95 ${results[1].p95.toFixed(1)} ms; load ${load()}`);
  // Timer instances whose jobs fall due while the 3 servers are loaded.
  const db = createDatabase({ url, max: 4 });
  const engine = createEngine({ db });
  await engine.deploy({ xml: TIMER_XML });
  const instanceIds: string[] = [];
  for (let i = 0; i < JOBS; i++) instanceIds.push((await engine.startInstance({ definitionKey: 'bench-scale-timer', scope: '/01/' })).instanceId);
  await db.destroy();
  say(`  ${JOBS} timer jobs due in 5 s; 3 servers …`);
  step.fill(0);
  results.push(await runLoad(`3 servers + ${JOBS} timer jobs`, (user) => servers[user % 3].baseUrl, USERS, SECONDS, mixed));
  say(`  3 servers + jobs: ${results[2].perSecond.toFixed(0)} req/s, p95 ${results[2].p95.toFixed(1)} ms; load ${load()}`);

  const deadline = Date.now() + 120_000;
  let left = JOBS;
  while (Date.now() < deadline) {
    left = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM job WHERE instance_id = ANY($1::uuid[])`, [instanceIds])).rows[0].n);
    if (!left) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  const effects = (await client.query<{ type: string; instances: string; events: string; max_per_instance: string }>(`
    SELECT type, count(DISTINCT instance_id) AS instances, count(*) AS events, max(n) AS max_per_instance FROM (
      SELECT type, instance_id, count(*) OVER (PARTITION BY type, instance_id) AS n FROM history_event
      WHERE instance_id = ANY($1::uuid[]) AND type IN ('timer.fired', 'instance.completed')) x GROUP BY type ORDER BY type`, [instanceIds])).rows;
  say('');
  say(`| servers | requests | errors | req/s | p50 ms | p95 ms | p99 ms | load (1 min) |`);
  say(`|---|---|---|---|---|---|---|---|`);
  for (const r of results) say(`| ${r.name} | ${r.requests} | ${r.errors} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.load1.toFixed(1)} |`);
  say(`throughput 3 servers ÷ 1 server: ${(results[1].perSecond / results[0].perSecond).toFixed(2)}×`);
  say(`server RSS max: ${servers.map((s) => s.maxRssMb().toFixed(0)).join(' / ')} MB`);
  say(`timer jobs: ${JOBS} created, ${left} left unfinished`);
  for (const e of effects) say(`  ${e.type}: ${e.events} events over ${e.instances} instances, at most ${e.max_per_instance} per instance`);
  const twice = effects.some((e) => Number(e.max_per_instance) > 1);
  say(twice ? 'A JOB RAN TWICE' : 'no job ran twice');
  if (twice || left) process.exitCode = 1;
} finally {
  for (const s of servers) await s.stop();
  await client.end();
}
