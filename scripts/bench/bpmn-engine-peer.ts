/**
 * The bpmn-engine peers of `npm run bench:engine` (start → userTask → XOR → userTask → end), each
 * wait state's `getState()` saved to a jsonb row of PostgreSQL in its own transaction:
 * - in memory: the Engine object stays in the client between steps (favours bpmn-engine: no
 *   recovery per step; a server holding every running case in memory is not what we build);
 * - stateless: like our engine, nothing is kept between commands — each step locks and reads the
 *   row, `recover()`s and `resume()`s an Engine from it, signals the task and writes the new state,
 *   all in one transaction (the parsed definition travels inside the saved state).
 */
import { EventEmitter } from 'node:events';
import { Engine as BpmnEngine } from 'bpmn-engine';
import type pg from 'pg';

type Record = (ms: number) => void;
interface WaitApi {
  id: string;
  type?: string;
  signal: (message?: unknown) => void;
}

export const BENCH_STATE_TABLE = `CREATE TABLE bench_state (id uuid PRIMARY KEY, state jsonb NOT NULL, updated_at timestamptz NOT NULL)`;

async function timed<T>(record: Record, work: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await work();
  record(performance.now() - t0);
  return result;
}

async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const UPSERT = `INSERT INTO bench_state (id, state, updated_at) VALUES ($1, $2, now())
  ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, updated_at = now()`;

/** Starts an instance and runs it to its first wait; the engine and its execution for the in-memory peer. */
async function start(pool: pg.Pool, xml: string, record: Record) {
  const id = crypto.randomUUID();
  const bpmn = new BpmnEngine({ name: id, source: xml });
  const listener = new EventEmitter();
  const firstWait = new Promise<void>((resolve) => listener.once('wait', () => resolve()));
  const execution = await timed(record, async () => {
    const run = await bpmn.execute({ listener, variables: { approved: true } });
    await firstWait;
    const state = await bpmn.getState();
    await inTransaction(pool, (client) => client.query(UPSERT, [id, JSON.stringify(state)]));
    return run;
  });
  return { id, bpmn, listener, execution };
}

/** Resolves when the user task `next` waits, or (next = null) when the engine ends. */
function settled(bpmn: InstanceType<typeof BpmnEngine>, listener: EventEmitter, next: string | null): Promise<void> {
  if (next === null) return new Promise((resolve) => bpmn.once('end', () => resolve()));
  return new Promise((resolve) => {
    const onWait = (api: WaitApi) => {
      if (api.id !== next) return;
      listener.off('wait', onWait);
      resolve();
    };
    listener.on('wait', onWait);
  });
}

export function bpmnEngineInMemory(pool: pg.Pool, xml: string) {
  return async (record: Record): Promise<void> => {
    const { id, bpmn, listener, execution } = await start(pool, xml, record);
    for (const next of ['approve', null]) {
      await timed(record, async () => {
        const api = (execution.getPostponed()[0] ?? null) as unknown as WaitApi | null;
        const upcoming = settled(bpmn, listener, next);
        api?.signal({ note: 'ok' });
        await upcoming;
        const state = await bpmn.getState();
        await inTransaction(pool, (client) => client.query(UPSERT, [id, JSON.stringify(state)]));
      });
    }
  };
}

export function bpmnEngineStateless(pool: pg.Pool, xml: string) {
  return async (record: Record): Promise<void> => {
    const { id } = await start(pool, xml, record);
    for (const next of ['approve', null]) {
      await timed(record, () => inTransaction(pool, async (client) => {
        const { rows } = await client.query<{ state: unknown }>('SELECT state FROM bench_state WHERE id = $1 FOR UPDATE', [id]);
        const bpmn = new BpmnEngine({ name: id });
        bpmn.recover(rows[0].state as never);
        const listener = new EventEmitter();
        const upcoming = settled(bpmn, listener, next);
        const execution = await bpmn.resume({ listener });
        const task = execution.getPostponed().find((api) => (api as unknown as WaitApi).type === 'bpmn:UserTask') as unknown as WaitApi | undefined;
        if (!task) throw new Error(`bpmn-engine: no waiting user task in ${id}`);
        task.signal({ note: 'ok' });
        await upcoming;
        const state = await bpmn.getState();
        await client.query('UPDATE bench_state SET state = $2, updated_at = now() WHERE id = $1', [id, JSON.stringify(state)]);
      }));
    }
  };
}
