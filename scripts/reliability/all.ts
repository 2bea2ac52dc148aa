/** `npm run reliability:all` — runs R1…R8 one after another (full scale; pass e.g. R_INSTANCES=200 to scale down), prints each figure, exit 1 if any promise is broken. */
import { spawnSync } from 'node:child_process';

const scripts = ['r1-crash', 'r2-races', 'r3-db-outage', 'r4-smtp-outage', 'r5-bad-input', 'r6-authorization', 'r7-audit', 'r8-jobs'];
const results: string[] = [];
let failed = 0;
for (const name of scripts) {
  const run = spawnSync('npx', ['tsx', `scripts/reliability/${name}.ts`, ...process.argv.slice(2)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  const last = run.stdout.trim().split('\n').at(-1) ?? `${name}: no output`;
  process.stdout.write(run.stdout);
  if (run.status !== 0) failed += 1;
  results.push(`${run.status === 0 ? 'ok  ' : 'FAIL'} ${last}`);
}
console.log('\nsummary');
for (const line of results) console.log(line);
process.exitCode = failed ? 1 : 0;
