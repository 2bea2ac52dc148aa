/** R1: `npm run reliability:r1 -- --instances=2000 --clients=32 --kills=5` — prints the figure last, exit 1 when broken. */
import { createScriptDatabase } from '../../test/reliability/support/script-db';
import { intArg, runScript } from '../../test/reliability/support/report';
import { runCrash } from '../../test/reliability/r1-crash';

runScript(async () => {
  const t = await createScriptDatabase({ max: 10 });
  try {
    return await runCrash(t.db, t.url, { instances: intArg('instances', 2000), clients: intArg('clients', 32), kills: intArg('kills', 5) });
  } finally {
    await t.destroy();
  }
});
