/** R2: `npm run reliability:r2 -- --races=1000` — prints the figure last, exit 1 when broken. */
import { buildReliabilityApp } from '../../test/reliability/support/fixture';
import { createScriptDatabase } from '../../test/reliability/support/script-db';
import { intArg, runScript } from '../../test/reliability/support/report';
import { runRaces } from '../../test/reliability/r2-races';

runScript(async () => {
  const t = await createScriptDatabase({ max: 20 });
  const r = await buildReliabilityApp(t.db);
  try {
    return await runRaces(r, { races: intArg('races', 1000) });
  } finally {
    await r.app.close();
    await t.destroy();
  }
});
