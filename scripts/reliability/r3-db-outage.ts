/**
 * R3: `npm run reliability:r3 -- --cycles=3 --down-ms=4000 --clients=16` — an embedded PostgreSQL this
 * script owns (.data/reliability-pg, port 54391; never the machine's server) is stopped and started
 * under load, then connections are cut; prints the figure last, exit 1 when broken.
 */
import type { Kysely } from 'kysely';
import { createDatabase } from '../../server/db/database';
import { migrateToLatest } from '../../server/db/migrator';
import type { ServerDatabase } from '../../server/db/schema';
import { buildReliabilityApp } from '../../test/reliability/support/fixture';
import { restartingOutage, terminatingOutage } from '../../test/reliability/support/outages';
import { adminQuery, withDatabase } from '../../test/reliability/support/script-db';
import { intArg, runScript, type Figure } from '../../test/reliability/support/report';
import { runDbOutage } from '../../test/reliability/r3-db-outage';

runScript(async () => {
  const outage = await restartingOutage('.data/reliability-pg', intArg('port', 54391));
  const admin = outage.server().url;
  await adminQuery(admin, 'DROP DATABASE IF EXISTS qt_r3 WITH (FORCE)');
  await adminQuery(admin, 'CREATE DATABASE qt_r3');
  const url = withDatabase(admin, 'qt_r3');
  const db = createDatabase<ServerDatabase>({ url, max: 10, onIdleError: () => undefined });
  await migrateToLatest(db as Kysely<unknown>);
  const r = await buildReliabilityApp(db);
  const options = { clients: intArg('clients', 16), cycles: intArg('cycles', 3), downMs: intArg('down-ms', 4000), jobs: intArg('jobs', 100) };
  try {
    const restart = await runDbOutage(r, db, outage, options);
    const cutter = await terminatingOutage(url);
    const cut = await runDbOutage(r, db, cutter, { ...options, jobs: 20 });
    await cutter.close();
    const figure: Figure = {
      name: 'R3 database outage',
      scale: `${restart.scale}; then ${cut.scale}`,
      counters: { ...Object.fromEntries(Object.entries(restart.counters).map(([k, v]) => [`restart.${k}`, v])), ...Object.fromEntries(Object.entries(cut.counters).map(([k, v]) => [`cut.${k}`, v])) },
      violations: [...restart.violations.map((v) => `restart: ${v}`), ...cut.violations.map((v) => `cut: ${v}`)],
    };
    return figure;
  } finally {
    await r.app.close();
    await db.destroy();
    await outage.close();
  }
});
