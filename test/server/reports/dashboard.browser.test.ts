import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ServerDatabase } from '../../../server/db/schema';
import { seedPlanIndicators } from '../../../server/indicators/plan-targets.seed';
import { signInPage } from '../../e2e/support/e2e-platform';
import { buildTestApp } from '../../support/app';
import { buildWebBundle, launchBrowser, type LaunchedBrowser } from '../../support/browser';
import { FakeClock } from '../../support/clock';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { seedTestIdentity, TEST_PASSWORD } from '../fixtures/identity.fixture';
import { seedIndicatorData } from '../indicators/indicator-data.fixture';

const ARTIFACTS = 'test/artifacts/reports';

describe('browser: /reports dashboard', () => {
  let t: TestDatabase<ServerDatabase>;
  let app: FastifyInstance;
  let browser: LaunchedBrowser;
  let url = '';

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await createTestDatabase<ServerDatabase>();
    await seedTestIdentity(t.db);
    await seedPlanIndicators(t.db);
    await seedIndicatorData(t.db);
    // real time: the browser drops a session cookie whose expiry lies in its past
    app = await buildTestApp(t.db, { clock: new FakeClock(new Date()), env: { WEB_DIST_DIR: await buildWebBundle() } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.destroy();
  });

  it('should show cards with target vs actual in Vietnamese format and drill down to the cases behind a number', async () => {
    // given the provincial leader signed in
    const page = await signInPage(browser.context, url, 'lanhdao.tinh', TEST_PASSWORD, '/reports');
    // when the dashboard loads
    const card = page.locator('[data-indicator="qt.post-rehab-managed"]');
    await card.waitFor({ timeout: 15_000 }).catch(async (error: Error) => {
      await page.screenshot({ path: `${ARTIFACTS}/dashboard-failed.png`, fullPage: true });
      throw new Error(`${error.message}\n${await page.locator('body').innerText()}\n${((page as unknown as { errors?: string[] }).errors ?? []).join('\n')}`);
    });
    // then the value uses the Vietnamese decimal comma, with the target and the assessment
    await expect.poll(() => card.innerText()).toContain('66,7 %');
    expect(await card.innerText()).toContain('Chưa đạt');
    expect(await page.locator('[data-indicator="qt.methadone"]').innerText()).toContain('>= 250');
    await page.screenshot({ path: `${ARTIFACTS}/dashboard.png`, fullPage: true });

    // the same numbers as a table
    await page.getByLabel('Dạng bảng').check();
    const tableRow = page.locator('table.register tr', { hasText: 'Tỷ lệ công việc hoàn thành trong thời hạn luật định' });
    expect((await tableRow.innerText()).replace(/\s+/g, ' ')).toContain('75 % 3 4 Chưa đạt');
    await page.getByLabel('Dạng bảng').uncheck();

    // when the leader opens the indicator and clicks the denominator of a 2022 commune
    await card.getByRole('link').click();
    await page.getByRole('heading', { name: 'Diễn biến theo kỳ' }).waitFor();
    expect(await page.locator('svg.trend-chart').count()).toBe(1);
    const row = page.locator('tr', { hasText: '99101' });
    await row.getByRole('button').nth(2).click();
    // then the case behind the number is listed with its person
    await page.getByRole('heading', { name: /Hồ sơ tạo nên con số/ }).waitFor();
    await expect.poll(() => page.locator('section').last().innerText()).toContain('Phạm Văn Bốn');
    await page.screenshot({ path: `${ARTIFACTS}/indicator-detail.png`, fullPage: true });
    expect((page as unknown as { errors?: string[] }).errors ?? []).toEqual([]);
  }, 120_000);

  it('should let commune staff record a hand-kept value and an admin change a target as data', async () => {
    // given commune staff on the counselling-points indicator (1 point in 99130)
    const page = await signInPage(browser.context, url, 'ca.xa1', TEST_PASSWORD, '/reports/indicators/qt.counselling-points');
    await page.getByRole('heading', { name: /Điểm tư vấn/ }).waitFor();
    const big = page.locator('p', { hasText: /^\d/ }).first();
    await expect.poll(() => big.innerText()).toBe('1');
    // when a new point is recorded
    await page.getByLabel('Mã xã/phường').fill('99130');
    await page.getByLabel('Ngày', { exact: true }).fill('2025-05-20');
    await page.getByRole('button', { name: 'Ghi nhận số liệu' }).click();
    // then the value counts it
    await expect.poll(() => big.innerText()).toBe('2');

    // when the provincial admin lowers the target to 1 in the definition
    const admin = await signInPage(browser.context, url, 'admin.tinh', TEST_PASSWORD, '/reports/indicators/qt.counselling-points');
    await admin.locator('summary', { hasText: 'Định nghĩa chỉ tiêu' }).click();
    const editor = admin.locator('textarea');
    const definition = JSON.parse(await editor.inputValue()) as { target: { op: string; value: number } };
    await editor.fill(JSON.stringify({ ...definition, target: { op: '>=', value: 1 } }));
    await admin.getByRole('button', { name: 'Lưu định nghĩa chỉ tiêu' }).click();
    // then the indicator is assessed against the new target
    await admin.getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor();
    await expect.poll(() => admin.locator('p', { hasText: 'Chỉ tiêu:' }).first().innerText()).toContain('Đạt');
    await admin.screenshot({ path: `${ARTIFACTS}/indicator-admin.png`, fullPage: true });
  }, 120_000);
});
