/**
 * Chromium for browser tests: Debian's /usr/bin/chromium driven by playwright-core (no
 * `npx playwright install`), a static server for built bundles, and a cached Vite build of the
 * web app. Shared by every e2e/browser suite.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchedBrowser {
  context: BrowserContext;
  newPage(): Promise<Page>;
  /** Closes Chromium and removes its profile directory. */
  close(): Promise<void>;
}

/** Starts Chromium with a fresh profile (--user-data-dir in a new temp directory). */
export async function launchBrowser(options: { viewport?: { width: number; height: number } } = {}): Promise<LaunchedBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'qt-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    viewport: options.viewport ?? { width: 1400, height: 900 },
  });
  return {
    context,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.bpmn': 'application/xml',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a directory on a free localhost port. Paths without a file fall back to index.html
 * (single-page app routes); `/api/*` answers 503 so pages that probe the server fail fast.
 */
export async function serveStatic(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (path.startsWith('/api/') || path === '/health') {
      response.writeHead(503, { 'content-type': 'application/json' }).end('{"status":"unavailable"}');
      return;
    }
    let file = normalize(join(base, path));
    if (!file.startsWith(base) || !existsSync(file) || statSync(file).isDirectory()) file = join(base, 'index.html');
    response.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

const BUNDLE_ROOT = resolve('.data/test-bundles');
const WEB_SOURCES = ['web/src', 'web/index.html', 'web/vite.config.ts', 'designer', 'forms', 'package-lock.json'];

/**
 * Builds the web app (web/vite.config.ts) into .data/test-bundles/web-<hash of its sources>
 * and returns that directory; reused while the sources are unchanged.
 */
export function buildWebBundle(): Promise<string> {
  return buildBundle({ name: 'web', configFile: resolve('web/vite.config.ts'), sources: WEB_SOURCES });
}

/**
 * Builds a test page: `root` holds an index.html (+ its entry script) that may import any of our
 * folders. Built with the React plugin into .data/test-bundles/<name>-<hash>; returns the dir.
 */
export async function buildTestPage(name: string, root: string): Promise<string> {
  const { default: react } = await import('@vitejs/plugin-react');
  return buildBundle({ name, root: resolve(root), plugins: [react()], sources: [root, ...WEB_SOURCES] });
}

interface BundleOptions {
  name: string;
  sources: string[];
  configFile?: string;
  root?: string;
  plugins?: unknown[];
}

/**
 * One production build per distinct source hash: reused across test files and runs; concurrent
 * builders each write a temp dir and the first rename wins; older builds of `name` are removed.
 */
async function buildBundle({ name, sources, configFile, root, plugins }: BundleOptions): Promise<string> {
  const hash = sourcesHash(sources);
  const outDir = join(BUNDLE_ROOT, `${name}-${hash}`);
  if (existsSync(join(outDir, 'index.html'))) return outDir;
  mkdirSync(BUNDLE_ROOT, { recursive: true });
  const tempDir = `${outDir}.tmp-${process.pid}`;
  const { build } = await import('vite');
  // What ships: a production build (vitest sets NODE_ENV=test, which would select React's dev build).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: configFile ?? false,
      root,
      plugins: plugins as never,
      mode: 'production',
      logLevel: 'error',
      build: { outDir: tempDir, emptyOutDir: true, chunkSizeWarningLimit: 5000 },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  try {
    renameSync(tempDir, outDir);
  } catch {
    rmSync(tempDir, { recursive: true, force: true }); // another worker finished first
  }
  for (const old of readdirSync(BUNDLE_ROOT)) {
    if (old.startsWith(`${name}-`) && old !== `${name}-${hash}` && !old.includes('.tmp-')) {
      rmSync(join(BUNDLE_ROOT, old), { recursive: true, force: true });
    }
  }
  return outDir;
}

function sourcesHash(paths: string[]): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) if (entry !== 'node_modules' && entry !== 'dist') visit(join(path, entry));
    } else {
      hash.update(path).update(readFileSync(path));
    }
  };
  for (const path of paths) visit(path);
  return hash.digest('hex').slice(0, 16);
}
