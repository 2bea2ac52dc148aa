/** R8: `npm run reliability:r8 -- --rounds=5 --jobs=200 --lock-ms=3000` — prints the figure last, exit 1 when broken. */
import type { Kysely } from 'kysely';
import { createScriptDatabase } from '../../test/reliability/support/script-db';
import { intArg, runScript } from '../../test/reliability/support/report';
import { runJobs } from '../../test/reliability/r8-jobs';

runScript(async () => {
  const t = await createScriptDatabase({ max: 10 });
  try {
    return await runJobs(t.db as unknown as Kysely<unknown>, t.url, { rounds: intArg('rounds', 5), jobsPerRound: intArg('jobs', 200), lockMs: intArg('lock-ms', 3000) });
  } finally {
    await t.destroy();
  }
});
