import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { startE2ePlatform, type E2ePlatform } from '../e2e/support/e2e-platform';
import { runBrowserXss } from './r5-browser';
import { runBrowserForms, typedValues } from './r5-browser-forms';

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

  it('should execute no script and answer no 5xx for hostile values typed into task forms and the designer', async () => {
    // given: CI types a cross-section (script, event handler, NFD, 5 000 characters, prototype key); R5_BROWSER_FULL=1 types every value
    const reduced = [typedValues[0], typedValues[1], 'Nguye\u0302\u0303n Va\u0306n Hu\u0300ng', 'x'.repeat(5000), '__proto__'];
    // when
    const figure = await runBrowserForms(stack.url, stack.password, browser, { values: process.env.R5_BROWSER_FULL ? typedValues : reduced });
    // then
    console.info(figure.counters);
    expect(figure.violations).toEqual([]);
    expect(figure.counters.formFieldsTyped).toBeGreaterThan(0);
    expect(figure.counters.draftValuesRenderedBack).toBeGreaterThan(0);
    expect(figure.counters.designerValuesTyped).toBeGreaterThan(0);
    expect(figure.counters.formEditorLabelsTyped).toBeGreaterThan(0);
    expect(figure.counters.hostileStepsShown).toBeGreaterThan(0);
  }, 300_000);
});
