import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { apiLogin, signInWithSession, startE2ePlatform, type E2ePlatform } from '../e2e/support/e2e-platform';
import { describeViolations, seriousViolations } from './support/axe';

const ARTIFACTS = 'test/artifacts/web';

/** The instance page (bpmn-js viewer with highlights, counts, history) in Chromium against the real server. */
describe('instance page in Chromium (real server): viewer and history pass axe', () => {
  let stack: E2ePlatform;
  let browser: LaunchedBrowser;
  let instanceId: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    stack = await startE2ePlatform();
    browser = await launchBrowser();
    // a person of commune 99107 and their compulsory-treatment dossier, started by the commune police
    const commune = await apiLogin(stack.url, 'ca.cu.xa3', stack.password);
    const person = await commune.call<{ id: string }>('POST', '/api/persons', {
      fullName: 'Lò Văn Kiểm', dateOfBirth: '1988-07-21', sex: 'male', idType: 'cccd', idNumber: '099088765432', communeCode: '99107', permanentAddress: 'Bản Mường, xã Bến Đò',
    });
    const kase = await commune.call<{ id: string }>('POST', '/api/cases', { personId: person.id, procedureKey: 'compulsory-dossier', title: 'Hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc' });
    ({ instanceId } = await commune.call<{ instanceId: string }>('POST', '/api/instances', {
      definitionKey: 'compulsory-dossier',
      variables: { personId: person.id, caseId: kase.id, communeCode: '99107', districtCode: '991', provinceCode: '99', ruleset: '2022', triggerType: 'SELF_TERMINATED', isMinor: false },
    }));
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function openInstance(username: string): Promise<Page> {
    const page = await signInWithSession(browser.context, stack.url, username, stack.password, `/instances/${instanceId}`);
    await page.getByTestId('instance-counts').waitFor();
    await page.locator('.bpmn-canvas[data-state=ready]').waitFor({ timeout: 20_000 });
    await page.getByRole('heading', { name: 'Lịch sử xử lý' }).waitFor();
    return page;
  }

  it('should show the diagram with the active step and the history to the commune officer, with no serious axe violation', async () => {
    // given / when
    const page = await openInstance('ca.cu.xa3');
    // then
    expect(await page.locator('.djs-element.hl-active').count()).toBeGreaterThan(0);
    expect(await page.locator('section[aria-labelledby=history-title] tbody tr').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${ARTIFACTS}/instance-officer.png`, fullPage: true });
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
  }, 120_000);

  it('should pass axe for a provincial admin too (cancel and move-token controls on the page)', async () => {
    // given / when
    const page = await openInstance('admin.tinh');
    // then
    await page.screenshot({ path: `${ARTIFACTS}/instance-admin.png`, fullPage: true });
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
  }, 120_000);
});
