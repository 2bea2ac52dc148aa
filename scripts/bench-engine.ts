/**
 * Engine benchmark (not a test): `npm run bench:engine`.
 * Process: start → userTask → exclusiveGateway → userTask → end, at 1 / 4 / 16 concurrent clients.
 * Compares (a) our engine, (b) bpmn-engine with getState() saved to PostgreSQL after every wait
 * state (one transaction per step), (c) the raw-SQL ceiling (UPDATE + 2 INSERT per transaction,
 * three transactions per instance like our three commands). Prints instances/s, p95 per command, ratios.
 */
import { Kysely, Migrator, PostgresDialect, type Migration } from 'kysely';
import pg from 'pg';
import { createEngine, engineMigrations } from '../engine/index';
import { BENCH_STATE_TABLE, bpmnEngineInMemory, bpmnEngineStateless } from './bench/bpmn-engine-peer';
import { CpuMeter } from './bench/cpu-meter';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const LEVELS = (process.env.BENCH_LEVELS ?? '1,4,16').split(',').map(Number);
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 2000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : null;

const OURS_XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://bench">
<bpmn:process id="bench" isExecutable="true">
  <bpmn:startEvent id="start"/>
  <bpmn:userTask id="review"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="police:19300"/></bpmn:extensionElements></bpmn:userTask>
  <bpmn:exclusiveGateway id="decide" default="toEnd2"/>
  <bpmn:userTask id="approve"/>
  <bpmn:endEvent id="end"/><bpmn:endEvent id="end2"/>
  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
  <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="decide"/>
  <bpmn:sequenceFlow id="toApprove" sourceRef="decide" targetRef="approve"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=approved = true</bpmn:conditionExpression></bpmn:sequenceFlow>
  <bpmn:sequenceFlow id="toEnd2" sourceRef="decide" targetRef="end2"/>
  <bpmn:sequenceFlow id="f4" sourceRef="approve" targetRef="end"/>
</bpmn:process></bpmn:definitions>`;

const BPMN_ENGINE_XML = OURS_XML
  .replace('=approved = true', '${environment.variables.approved}')
  .replace(/<bpmn:extensionElements>.*?<\/bpmn:extensionElements>/, '');

interface LevelResult {
  clients: number;
  perSecond: number;
  p95: number;
  /** CPU per completed instance: this Node process and the PostgreSQL backends of the bench database */
  nodeMs: number;
  postgresMs: number;
  /** WAL bytes per completed instance (the whole server's WAL: other databases' writes count too) */
  walBytes: number;
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0;
}

interface Sample {
  seconds: number;
  count: number;
  latencies: number[];
  nodeMs: number;
  postgresMs: number;
  walBytes: number;
}

/** Runs `one` N times over `clients` concurrent loops, recording command times. */
async function measure(clients: number, count: number, one: (record: (ms: number) => void) => Promise<void>, meter?: Meter): Promise<Sample> {
  const latencies: number[] = [];
  let next = 0;
  await meter?.cpu.start();
  const walStart = meter ? await walLsn(meter.client) : '0/0';
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < count) {
      next += 1;
      await one((ms) => latencies.push(ms));
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const postgresMs = meter ? (await meter.cpu.stop()).postgresMs : 0;
  const walBytes = meter ? await walSince(meter.client, walStart) : 0;
  return { seconds, count, latencies, nodeMs: (used.user + used.system) / 1000, postgresMs, walBytes };
}

interface Meter {
  cpu: CpuMeter;
  client: pg.Client;
}

async function walLsn(client: pg.Client): Promise<string> {
  return (await client.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0].lsn;
}

async function walSince(client: pg.Client, lsn: string): Promise<number> {
  return Number((await client.query<{ bytes: string }>('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn) AS bytes', [lsn])).rows[0].bytes);
}

async function timed<T>(record: (ms: number) => void, work: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await work();
  record(performance.now() - t0);
  return result;
}

async function main(): Promise<void> {
  const name = `qt_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  if (process.env.BENCH_STATS) await admin.query(`ALTER DATABASE "${name}" SET track_functions = 'pl'`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const maxPool = Math.max(...LEVELS) + 2;
  const meterClient = new pg.Client({ connectionString: ADMIN_URL });
  await meterClient.connect();
  const meter: Meter = { cpu: new CpuMeter(meterClient, name, () => []), client: meterClient };
  const pool = new pg.Pool({ connectionString: url.toString(), max: maxPool });
  pool.on('error', () => undefined); // connections closed by DROP DATABASE … WITH (FORCE) at the end
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  try {
    const migrator = new Migrator({ db, provider: { getMigrations: async (): Promise<Record<string, Migration>> => engineMigrations } });
    const migrated = await migrator.migrateToLatest();
    if (migrated.error) throw migrated.error;
    await pool.query(BENCH_STATE_TABLE);
    await pool.query(`CREATE TABLE raw_instance (id bigserial PRIMARY KEY, state text NOT NULL, n integer NOT NULL DEFAULT 0)`);
    await pool.query(`CREATE TABLE raw_event (id bigserial PRIMARY KEY, instance_id bigint NOT NULL, type text NOT NULL, at timestamptz NOT NULL)`);
    await pool.query(`CREATE TABLE raw_task (id bigserial PRIMARY KEY, instance_id bigint NOT NULL, state text NOT NULL)`);

    // the raw pool lets a command send BEGIN with its load and the diff with COMMIT (2 round trips)
    const engine = createEngine({ db, pool: process.env.BENCH_KYSELY_ONLY ? undefined : pool });
    await engine.deploy({ xml: OURS_XML });
    const ours = async (record: (ms: number) => void) => {
      const started = await timed(record, () => engine.startInstance({ definitionKey: 'bench', variables: { approved: true }, scope: '/44/19300/' }));
      const next = await timed(record, () => engine.completeTask(started.taskIds[0], { note: 'ok' }));
      await timed(record, () => engine.completeTask(next.taskIds[0]));
    };

    const theirs = bpmnEngineInMemory(pool, BPMN_ENGINE_XML);
    const theirsStateless = bpmnEngineStateless(pool, BPMN_ENGINE_XML);

    const raw = async (record: (ms: number) => void) => {
      for (let step = 0; step < 3; step += 1) {
        await timed(record, async () => {
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            const inst = await client.query<{ id: string }>(`INSERT INTO raw_instance (state) VALUES ('active') RETURNING id`);
            const instanceId = inst.rows[0].id;
            await client.query(`UPDATE raw_instance SET n = n + 1 WHERE id = $1`, [instanceId]);
            await client.query(`INSERT INTO raw_event (instance_id, type, at) VALUES ($1, 'step', now())`, [instanceId]);
            await client.query('COMMIT');
          } finally {
            client.release();
          }
        });
      }
    };

    const rows: string[] = [];
    const results: Record<string, LevelResult[]> = { ours: [], bpmnEngine: [], bpmnStateless: [], raw: [] };
    const runners = [
      ['ours', ours, INSTANCES], ['bpmnEngine', theirs, Math.min(INSTANCES, 2000)],
      ['bpmnStateless', theirsStateless, Math.min(INSTANCES, 2000)], ['raw', raw, INSTANCES],
    ] as const;
    for (const clients of LEVELS) {
      // interleaved rounds so that load from other processes on the shared machine hits all three alike
      const totals = new Map<string, Sample>();
      for (const [label, one] of runners) if (!ONLY || ONLY.includes(label)) await measure(clients, WARMUP, one);
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const [label, one, n] of runners) {
          if (ONLY && !ONLY.includes(label)) continue;
          const sample = await measure(clients, Math.ceil(n / ROUNDS), one, meter);
          const total = totals.get(label) ?? { seconds: 0, count: 0, latencies: [], nodeMs: 0, postgresMs: 0, walBytes: 0 };
          totals.set(label, {
            seconds: total.seconds + sample.seconds, count: total.count + sample.count, latencies: total.latencies.concat(sample.latencies),
            nodeMs: total.nodeMs + sample.nodeMs, postgresMs: total.postgresMs + sample.postgresMs, walBytes: total.walBytes + sample.walBytes,
          });
        }
      }
      for (const [label] of runners) {
        const total = totals.get(label);
        if (!total) continue;
        const result: LevelResult = {
          clients, perSecond: total.count / total.seconds, p95: p95(total.latencies),
          nodeMs: total.nodeMs / total.count, postgresMs: total.postgresMs / total.count, walBytes: total.walBytes / total.count,
        };
        results[label].push(result);
        process.stdout.write(`${label.padEnd(13)} clients=${String(clients).padStart(2)} ${result.perSecond.toFixed(0).padStart(6)} instances/s  p95 ${result.p95.toFixed(2)} ms/command`
          + `  CPU/instance node ${result.nodeMs.toFixed(2)} ms + postgres ${result.postgresMs.toFixed(2)} ms  WAL ${(result.walBytes / 1024).toFixed(1)} KB/instance\n`);
      }
    }
    rows.push('| clients | ours inst/s | p95 ms | CPU ms/inst | bpmn-engine in memory inst/s | p95 ms | CPU ms/inst | bpmn-engine stateless inst/s | p95 ms | CPU ms/inst | raw-SQL inst/s (3 tx) | p95 ms | CPU ms/inst | ours ÷ bpmn-engine in memory | ours ÷ bpmn-engine stateless | ours ÷ raw |');
    rows.push(`|${'---|'.repeat(16)}`);
    const cells = (x: LevelResult | undefined) => (x
      ? [x.perSecond.toFixed(0), x.p95.toFixed(2), `${(x.nodeMs + x.postgresMs).toFixed(2)} (${x.nodeMs.toFixed(2)} + ${x.postgresMs.toFixed(2)})`]
      : ['—', '—', '—']);
    const ratio = (o: LevelResult | undefined, x: LevelResult | undefined) => (o && x ? `${(o.perSecond / x.perSecond).toFixed(1)}×` : '—');
    LEVELS.forEach((clients, index) => {
      const o = results.ours[index];
      const b = results.bpmnEngine[index];
      const st = results.bpmnStateless[index];
      const r = results.raw[index];
      const share = o && r ? `${((o.perSecond / r.perSecond) * 100).toFixed(0)} %` : '—';
      rows.push(`| ${[clients, ...cells(o), ...cells(b), ...cells(st), ...cells(r), ratio(o, b), ratio(o, st), share].join(' | ')} |`);
    });
    process.stdout.write('CPU ms/inst = CPU of this Node process + of the bench database\'s PostgreSQL backends per completed instance (node + postgres)\n');
    process.stdout.write(`\n${rows.join('\n')}\n`);
    if (process.env.BENCH_STATS) {
      const stats = await pool.query(`SELECT funcname, calls, round(total_time::numeric / calls, 3) AS avg_ms,
        round(self_time::numeric / calls, 3) AS self_ms FROM pg_stat_user_functions ORDER BY total_time DESC`);
      console.table(stats.rows);
    }
  } finally {
    await db.destroy();
    await meterClient.end();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
