/**
 * The real app's mail outbox worker in its own OS process, to be killed with SIGKILL (R4).
 * argv: <databaseUrl> <smtpPort> <workerId>
 */
import { buildApp } from '../../../server/app';
import { loadConfig } from '../../../server/config/config';
import { createDatabase } from '../../../server/db/database';
import type { ServerDatabase } from '../../../server/db/schema';

const [url, port, workerId] = process.argv.slice(2);
const db = createDatabase<ServerDatabase>({ url, max: 4 });
const config = loadConfig({ WEB_DIST_DIR: '.data/no-web-in-api-tests', SEED_DEMO: 'false', SMTP_URL: `smtp://127.0.0.1:${port}?ignoreTLS=true&connectionTimeout=3000` });
const app = await buildApp({ deps: { db, config, clock: { now: () => new Date() }, version: 'reliability' } });
await app.ready();
const executor = app.engine.createJobExecutor({ workerId, lockMs: 5_000, batchSize: 4 });
process.stdout.write('ready\n');
for (;;) {
  const count = await executor.runOnce().catch(() => 0);
  if (count === 0) await new Promise((resolve) => setTimeout(resolve, 100));
}
