// `npm run audit:verify [-- --anchors <file>] [--anchor <seq>:<hash>] [--grace <seconds>] [--seal]`:
// recomputes the audit log hash chain and compares it with the chain heads anchored outside the database
// (the anchor file the server appends to — default <data dir>/audit/anchors.jsonl — and/or the seq:hash of an
// anchor mail). Exit 0 intact; 1 broken (first bad row, anchor or overdue unsealed rows printed); 2 could not run.
// Uses DATABASE_URL, else the embedded PostgreSQL of `npm start` (running, or started here).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { AnchorFileError, readAnchors, type AuditAnchor } from '../server/audit/audit-anchor';
import { sealAuditLog } from '../server/audit/audit-seal.service';
import { verifyAuditChain } from '../server/audit/audit-verify.service';
import { loadConfig } from '../server/config/config';
import { createDatabase } from '../server/db/database';
import { startEmbeddedPostgres, type EmbeddedServer } from '../server/db/embedded-postgres';
import type { ServerDatabase } from '../server/db/schema';

const { values: args } = parseArgs({
  options: { anchors: { type: 'string' }, anchor: { type: 'string', multiple: true }, grace: { type: 'string' }, seal: { type: 'boolean' } },
  allowPositionals: false,
});
const config = loadConfig();
let embedded: EmbeddedServer | undefined;
let exitCode = 0;
let url = config.databaseUrl ?? `postgres://postgres:postgres@127.0.0.1:${config.embeddedPostgresPort}/postgres`;
let db = createDatabase<ServerDatabase>({ url, max: 2 });
try {
  const anchors: AuditAnchor[] = args.anchors ? await readAnchors(path.resolve(args.anchors)) : [];
  for (const given of args.anchor ?? []) {
    const match = /^(\d+):([0-9a-f]{64})$/.exec(given);
    if (!match) throw new AnchorFileError(`--anchor must be <seq>:<64 hex hash>, got "${given}"`);
    anchors.push({ at: 'given on the command line', seq: Number(match[1]), id: 0, hash: match[2], prev: '' });
  }
  if (!config.databaseUrl) {
    const reachable = await sql`SELECT 1`.execute(db).then(() => true, () => false);
    if (!reachable) {
      await db.destroy();
      embedded = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'pg'), port: config.embeddedPostgresPort });
      url = embedded.url;
      db = createDatabase<ServerDatabase>({ url, max: 2 });
    }
  }
  // --seal: chain waiting rows first (what the server does every second), e.g. on a stopped system.
  if (args.seal) await sealAuditLog(db);
  const verdict = await verifyAuditChain(db, { anchors: anchors.length ? anchors : undefined, unsealedGraceSeconds: args.grace ? Number(args.grace) : 60 });
  if (verdict.firstBad) {
    const bad = verdict.firstBad;
    const row = await db.selectFrom('audit_log').selectAll().where('id', '=', bad.id).executeTakeFirst();
    console.error(`audit log BROKEN at row ${bad.id} (chain position ${bad.seq}, ${bad.reason} mismatch): expected ${bad.expected}, found ${bad.actual}`);
    console.error(JSON.stringify(row, null, 2));
  }
  if (verdict.anchors?.firstBad) {
    const a = verdict.anchors.firstBad;
    console.error(a.reason === 'truncated'
      ? `audit log TRUNCATED: the anchor of ${a.anchoredAt} names chain position ${a.seq}, the chain ends at ${verdict.head?.seq ?? 0}`
      : `audit log REWRITTEN: chain position ${a.seq} anchored ${a.anchoredAt} as ${a.expected}, now ${a.actual ?? 'missing'}`);
  }
  if (verdict.unsealedOverdue) console.error(`audit log: ${verdict.unsealedOverdue} rows unsealed for more than ${args.grace ?? 60} s (is the server's sealer running?)`);
  if (verdict.ok) {
    const anchorNote = verdict.anchors ? `, ${verdict.anchors.checked} anchors match` : '';
    console.log(`audit log OK: ${verdict.rows} rows, chain intact${anchorNote}; ${verdict.unsealed} rows waiting for their seal`);
  } else {
    exitCode = 1;
  }
} catch (error) {
  console.error(`audit:verify: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 2;
} finally {
  await db.destroy();
  await embedded?.stop();
}
process.exit(exitCode);
