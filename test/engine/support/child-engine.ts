/**
 * A separate OS process running the engine against a test database (race / crash tests).
 * argv: <databaseUrl> <mode> <workerId>
 *   executor: runs a JobExecutor for type 'count' until no job is left; the handler records each run.
 *   loop:     starts instances of 'crash' and completes their tasks forever; also locks 'crash-job' jobs.
 */
import { sql } from 'kysely';
import { createEngine } from '../../../engine/index';
import { createDatabase } from '../../../server/db/database';

const [url, mode, workerId] = process.argv.slice(2);
const db = createDatabase<unknown>({ url, max: 4 });
const engine = createEngine({ db });

async function executor(): Promise<void> {
  engine.registerWorker('count', async (job) => {
    await sql`INSERT INTO job_run (job_id, worker) VALUES (${job.id}::uuid, ${workerId})`.execute(db);
  });
  const executorInstance = engine.createJobExecutor({ workerId, batchSize: 5, lockMs: 60_000 });
  let idle = 0;
  while (idle < 3) {
    const count = await executorInstance.runOnce();
    idle = count === 0 ? idle + 1 : 0;
    if (count === 0) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function loop(): Promise<void> {
  process.stdout.write('ready\n');
  for (let i = 0; ; i += 1) {
    const { instanceId } = await engine.startInstance({ definitionKey: 'crash', variables: { i } });
    const tasks = await engine.listTasks({ state: 'created', limit: 5 });
    for (const task of tasks.items) {
      await engine.completeTask(task.id, { by: workerId }).catch(() => undefined);
    }
    if (i % 3 === 0) await engine.fetchAndLock(workerId, ['crash-job'], 500, 2);
    void instanceId;
  }
}

(mode === 'executor' ? executor() : loop())
  .then(async () => { await db.destroy(); process.exit(0); })
  .catch((error: unknown) => { process.stderr.write(`${String(error)}\n`); process.exit(1); });
