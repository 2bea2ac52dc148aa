/** R4: `npm run reliability:r4 -- --mails=500 --refuse-ms=10000 --kills=5` — prints the figure last, exit 1 when broken. */
import type { Kysely } from 'kysely';
import { createScriptDatabase } from '../../test/reliability/support/script-db';
import { intArg, runScript } from '../../test/reliability/support/report';
import { runSmtpOutage } from '../../test/reliability/r4-smtp-outage';

runScript(async () => {
  const t = await createScriptDatabase({ max: 10 });
  try {
    return await runSmtpOutage(t.db as unknown as Kysely<unknown>, t.url, { mails: intArg('mails', 500), refuseMs: intArg('refuse-ms', 10_000), kills: intArg('kills', 5) });
  } finally {
    await t.destroy();
  }
});
