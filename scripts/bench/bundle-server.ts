/**
 * `npx tsx scripts/bench/bundle-server.ts` — a frozen copy of the server bundle that `npm start`
 * builds (scripts/start-build.ts), so a long bench can run one build while the sources change:
 * `BENCH_SERVER_ENTRY=.data/bench-dist/server.mjs npm run bench:http`. Without BENCH_SERVER_ENTRY
 * the benches build and run the same bundle themselves; `BENCH_SERVER_ENTRY=tsx` runs
 * server/main.ts under tsx instead (the former start; docs/benchmarks.md "Server RSS").
 */
import path from 'node:path';
import { buildServerBundle } from '../start-build';

const file = await buildServerBundle(process.cwd(), path.resolve('.data/bench-dist/server.mjs'));
process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
