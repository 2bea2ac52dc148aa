/**
 * npm run bench:bundle — builds the web app (production, with a Vite manifest) into a temp dir and
 * prints the gzipped JavaScript (and CSS) each route loads: the entry chunk plus, for lazy routes,
 * their chunks and everything those import statically. Budget: the task-list route < 400 kB gzipped JS.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  isEntry?: boolean;
}

const ROUTES: { route: string; what: string; lazy: string[]; deep?: boolean }[] = [
  { route: '/tasks', what: 'task list (register, filters, counts)', lazy: [] },
  { route: '/tasks/:id', what: 'task open beside the list (RJSF form, validator)', lazy: ['src/tasks/task-detail.tsx'] },
  { route: '/tasks/:id + diagram', what: '… with the bpmn-js NavigatedViewer', lazy: ['src/tasks/task-detail.tsx', 'src/diagram/bpmn-viewer.tsx', 'src/diagram/viewer-loader.ts'] },
  { route: '/cases', what: 'person search', lazy: ['src/cases/person-search.page.tsx'] },
  { route: '/cases/persons/:id', what: 'person page + timeline', lazy: ['src/cases/person.page.tsx'] },
  { route: '/instances/:id', what: 'instance view (viewer)', lazy: ['src/instances/instance.page.tsx', 'src/diagram/bpmn-viewer.tsx', 'src/diagram/viewer-loader.ts'] },
  { route: '/admin', what: 'operations', lazy: ['src/admin/operations.page.tsx'] },
  { route: '/public/*', what: 'online public services', lazy: ['src/public/public-routes.tsx'] },
  { route: '/designer', what: 'BPMN designer incl. everything it loads lazily (modeler, properties panel, lint)', lazy: ['src/pages/designer.page.tsx'], deep: true },
];

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'qt-bundle-'));
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: resolve('web/vite.config.ts'), mode: 'production', logLevel: 'error', build: { outDir, emptyOutDir: true, manifest: true, chunkSizeWarningLimit: 10_000 } });
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
    const gz = new Map<string, number>();
    const size = (file: string) => {
      if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length);
      return gz.get(file)!;
    };
    const closure = (key: string, seen = new Set<string>(), deep = false): Set<string> => {
      if (seen.has(key) || !manifest[key]) return seen;
      seen.add(key);
      for (const child of manifest[key].imports ?? []) closure(child, seen, deep);
      if (deep) for (const child of manifest[key].dynamicImports ?? []) closure(child, seen, deep);
      return seen;
    };
    const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
    if (!entry) throw new Error('no entry chunk in the manifest');
    const rows: string[] = [];
    for (const r of ROUTES) {
      const keys = closure(entry);
      for (const lazy of r.lazy) {
        if (!manifest[lazy]) throw new Error(`${lazy} is not a chunk of the build`);
        closure(lazy, keys, r.deep);
      }
      const js = [...keys].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
      const css = [...new Set([...keys].flatMap((k) => manifest[k].css ?? []))];
      const jsKb = js.reduce((sum, f) => sum + size(f), 0) / 1024;
      const cssKb = css.reduce((sum, f) => sum + size(f), 0) / 1024;
      rows.push(`| \`${r.route}\` | ${r.what} | ${js.length} | **${jsKb.toFixed(1)}** | ${cssKb.toFixed(1)} |`);
    }
    const entryKb = [...closure(entry)].map((k) => manifest[k].file).filter((f) => f.endsWith('.js')).reduce((s, f) => s + size(f), 0) / 1024;
    console.log('| route | what it loads | JS chunks | JS gzipped (kB) | CSS gzipped (kB) |');
    console.log('|---|---|---|---|---|');
    for (const row of rows) console.log(row);
    console.log(`\nTask-list route budget: ${entryKb.toFixed(1)} kB of 400 kB gzipped JS — ${entryKb < 400 ? 'OK' : 'OVER BUDGET'}`);
    if (entryKb >= 400) process.exitCode = 1;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

await main();
