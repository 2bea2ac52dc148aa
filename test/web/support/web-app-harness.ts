import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { buildWebBundle, launchBrowser, serveStatic, type LaunchedBrowser, type StaticServer } from '../../support/browser';

export interface WebAppHarness {
  browser: LaunchedBrowser;
  server: StaticServer;
}

/**
 * Registers the suite's beforeAll/afterAll: the production web build served statically and one
 * Chromium; the returned object is filled before the first test runs.
 */
export function useBuiltWebApp(artifactsDir: string): WebAppHarness {
  const harness = {} as WebAppHarness;
  beforeAll(async () => {
    mkdirSync(artifactsDir, { recursive: true });
    harness.server = await serveStatic(await buildWebBundle());
    harness.browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await harness.browser?.close();
    await harness.server?.close();
  });
  return harness;
}
