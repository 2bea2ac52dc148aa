/**
 * A job worker in its own OS process, to be killed with SIGKILL while it holds leases (R8).
 * argv: <databaseUrl> <workerId> <lockMs>
 * The handler applies its effect keyed by job id (the documented idempotency pattern), records every run,
 * then pauses so a kill often lands between the effect and the job's completion.
 */
import { sql } from 'kysely';
import { createEngine } from '../../../engine/index';
import { createDatabase } from '../../../server/db/database';
import { registerEffectWorker } from './effect-worker';

const [url, workerId, lockMs] = process.argv.slice(2);
const db = createDatabase<unknown>({ url, max: 4 });
const engine = createEngine({ db });
registerEffectWorker(engine, db, workerId, 40);
const executor = engine.createJobExecutor({ workerId, batchSize: 4, lockMs: Number(lockMs) });
process.stdout.write('ready\n');
void (async () => {
  for (;;) {
    const count = await executor.runOnce();
    if (count === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    await sql`SELECT 1`.execute(db);
  }
})();
