/** R6: `npm run reliability:r6 -- --persons=40` (per commune) — prints the figure last, exit 1 when broken. */
import { buildReliabilityApp } from '../../test/reliability/support/fixture';
import { createScriptDatabase } from '../../test/reliability/support/script-db';
import { intArg, runScript } from '../../test/reliability/support/report';
import { runAuthorization } from '../../test/reliability/r6-authorization';

runScript(async () => {
  const t = await createScriptDatabase({ max: 20 });
  const r = await buildReliabilityApp(t.db);
  try {
    return await runAuthorization(r, t.db, { personsPerCommune: intArg('persons', 40) });
  } finally {
    await r.app.close();
    await t.destroy();
  }
});
