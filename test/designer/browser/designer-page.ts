import type { Page } from 'playwright-core';
import { buildTestPage, launchBrowser, serveStatic, type LaunchedBrowser, type StaticServer } from '../../support/browser';

export interface DesignerSession {
  page: Page;
  close(): Promise<void>;
}

/** Builds (cached) and serves the designer test page, opens it in Chromium, waits for the model. */
export async function openDesignerPage(): Promise<DesignerSession> {
  const dir = await buildTestPage('designer', 'test/designer/browser/harness');
  const server: StaticServer = await serveStatic(dir);
  const browser: LaunchedBrowser = await launchBrowser();
  const page = await browser.newPage();
  await page.goto(`${server.url}/`);
  await waitForImports(page, 1);
  return {
    page,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export async function importCount(page: Page): Promise<number> {
  return Number(await page.locator('[data-testid=bpmn-designer]').getAttribute('data-import-count'));
}

/** Waits until the designer finished at least `count` imports. */
export async function waitForImports(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid=bpmn-designer]')?.getAttribute('data-import-count')) >= n,
    count,
    { timeout: 20_000 },
  );
}
