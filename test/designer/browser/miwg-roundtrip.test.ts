import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalize } from '../support/bpmn-canonical';
import { importCount, openDesignerPage, waitForImports, type DesignerSession } from './designer-page';

const MIWG_DIR = '/work/shared/conformance/miwg';
const models = readdirSync(MIWG_DIR).filter((name) => name.endsWith('.bpmn')).sort();
/** Camunda 8 dialect models: the shipped procedures (workflows/) and our Zeebe fixture. */
const PROCEDURES_DIR = 'workflows/procedures';
const camundaModels = [
  ...(existsSync(PROCEDURES_DIR) ? readdirSync(PROCEDURES_DIR).filter((n) => n.endsWith('.bpmn')).map((n) => join(PROCEDURES_DIR, n)) : []),
  'test/designer/fixtures/parent-procedure.bpmn',
  'test/designer/fixtures/verify-user-task.bpmn',
].sort();

/**
 * DESIGN.md §13 conformance: every OMG MIWG reference model opens in the real designer page
 * (bpmn-js Modeler in Chromium) and exports with the same elements, attributes and diagram; so
 * do Camunda 8 models (the shipped procedures), Zeebe extension elements included.
 */
describe('MIWG reference models in the designer', () => {
  let session: DesignerSession;
  let page: Page;

  beforeAll(async () => {
    session = await openDesignerPage();
    page = session.page;
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('should find the 21 reference models', () => {
    expect(models).toHaveLength(21);
  });

  it.each(models)('should import and export %s without losing elements, attributes or DI', async (name) => {
    await expectRoundTrip(join(MIWG_DIR, name));
  });

  it.each(camundaModels)('should open the Camunda 8 model %s unchanged (Zeebe extensions included)', async (path) => {
    await expectRoundTrip(path);
  });

  async function exportXml(): Promise<string> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=save-bpmn]')]);
    return readFileSync((await download.path())!, 'utf8');
  }

  async function expectRoundTrip(path: string): Promise<void> {
    // given
    const original = await canonicalize(readFileSync(path, 'utf8'));
    const before = await importCount(page);

    // when
    await page.setInputFiles('[data-testid=open-bpmn]', path);
    await waitForImports(page, before + 1);
    const notice = await page.locator('.qt-notice').allInnerTexts();
    const exported = await exportXml();
    const roundTripped = await canonicalize(exported);
    // exporting restores the editing state: a second export is identical
    expect(await exportXml()).toBe(exported);

    // then
    expect(notice.filter((text) => text.includes('Không mở được'))).toEqual([]);
    expect(roundTripped.warnings).toEqual([]);
    expect(Object.keys(roundTripped.elements).sort()).toEqual(Object.keys(original.elements).sort());
    expect(roundTripped.elements).toEqual(original.elements);
    expect(roundTripped.di).toEqual(original.di);
  }
});
