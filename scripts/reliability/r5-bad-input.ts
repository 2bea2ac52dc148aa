/** R5 (API part): `npm run reliability:r5 -- --inputs=10000` — prints the figure last, exit 1 when broken. */
import { buildReliabilityApp } from '../../test/reliability/support/fixture';
import { createScriptDatabase } from '../../test/reliability/support/script-db';
import { intArg, runScript } from '../../test/reliability/support/report';
import { runBadInput } from '../../test/reliability/r5-bad-input';

runScript(async () => {
  const t = await createScriptDatabase({ max: 20 });
  const r = await buildReliabilityApp(t.db);
  try {
    return (await runBadInput(r, { inputs: intArg('inputs', 10_000) })).figure;
  } finally {
    await r.app.close();
    await t.destroy();
  }
});
