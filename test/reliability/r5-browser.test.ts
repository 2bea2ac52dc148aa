import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { startE2ePlatform, type E2ePlatform } from '../e2e/support/e2e-platform';
import { runBrowserXss } from './r5-browser';

describe('R5 bad input, browser part (real server + built web app + Chromium)', () => {
  let stack: E2ePlatform;
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    stack = await startE2ePlatform();
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('should execute no script stored as a person name, with and without the CSP', async () => {
    // when
    const figure = await runBrowserXss(stack.url, stack.password, browser);
    // then
    console.info(figure.counters);
    expect(figure.violations).toEqual([]);
    expect(figure.counters.pagesOpened).toBeGreaterThan(20);
    // the payloads really are on the pages, as text
    expect(figure.counters.namesShownAsText).toBeGreaterThan(0);
  }, 300_000);
});
