/** R7: `npm run reliability:r7 -- --rows=5000 --positions=20 --reads=2000` — prints the figure last, exit 1 when broken. */
import { buildReliabilityApp } from '../../test/reliability/support/fixture';
import { createScriptDatabase } from '../../test/reliability/support/script-db';
import { intArg, runScript } from '../../test/reliability/support/report';
import { runAudit } from '../../test/reliability/r7-audit';

runScript(async () => {
  const t = await createScriptDatabase({ max: 20 });
  const r = await buildReliabilityApp(t.db);
  try {
    return await runAudit(r, t.db, { rows: intArg('rows', 5000), positionsPerKind: intArg('positions', 20), reads: intArg('reads', 2000) });
  } finally {
    await r.app.close();
    await t.destroy();
  }
});
