import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { describeViolations, seriousViolations } from '../web/support/axe';
import { apiLogin, signInPage, startE2ePlatform, type E2ePlatform } from './support/e2e-platform';

const ARTIFACTS = 'test/artifacts/e2e';

describe('e2e: public registration reaches the commune; sign-in, task list, person search (real server)', () => {
  let stack: E2ePlatform;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    stack = await startE2ePlatform();
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('should let a citizen register online and the commune see the task in its list', async () => {
    // given
    const page = await browser.newPage();
    await page.goto(`${stack.url}/public/register`);
    await page.getByLabel('Họ và tên').fill('Phan Văn Tự Nguyện');
    await page.getByLabel('Ngày sinh (dd/mm/yyyy)').fill('02/09/1991');
    await page.getByLabel('Số điện thoại').fill('0987654321');
    await page.getByLabel('Xã/phường cư trú').selectOption('99130');
    await page.getByLabel('Tôi cam đoan thông tin trên là đúng sự thật.').check();
    // when
    await page.getByRole('button', { name: 'Gửi đăng ký đến UBND xã' }).click();
    // then
    const code = await page.getByTestId('tracking-code').innerText();
    expect(code).toMatch(/^DK-[A-Z2-9]{8}$/);
    await page.screenshot({ path: `${ARTIFACTS}/public-registration.png` });
    await page.getByRole('link', { name: 'Tra cứu tình trạng hồ sơ' }).last().click();
    await expect.poll(() => page.getByTestId('public-status').innerText()).toContain(code);
    // and the commune sees it among its groups' tasks
    const tasks = await (await apiLogin(stack.url, 'ubnd.xa1', stack.password)).call<{ items: { business_key: string; candidate_groups: string[] }[] }>('GET', '/api/tasks?view=all');
    const mine = tasks.items.find((x) => x.business_key === code);
    const staff = mine?.candidate_groups.some((g) => g.startsWith('police:')) ? 'ca.xa1' : 'ubnd.xa1';
    const officer = await signInPage(browser.context, stack.url, staff, stack.password, '/tasks?view=groups');
    await officer.getByRole('heading', { name: 'Sổ theo dõi công việc' }).waitFor();
    await expect.poll(() => officer.locator('.task-table').innerText(), { timeout: 10_000 }).toContain(code);
    await officer.screenshot({ path: `${ARTIFACTS}/commune-task-list.png`, fullPage: true });
  });

  it('should show the task list quickly, open a person found without accents, and pass axe', async () => {
    // given
    const page = await signInPage(browser.context, stack.url, 'ca.xa1', stack.password, '/tasks?view=groups');
    const started = Date.now();
    await page.reload();
    await page.getByRole('heading', { name: 'Sổ theo dõi công việc' }).waitFor();
    await page.locator('.task-table, .empty-state').first().waitFor();
    const interactiveMs = Date.now() - started;
    expect(interactiveMs).toBeLessThan(3000);
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    // when searching a demo person without diacritics
    await page.getByRole('link', { name: 'Hồ sơ đối tượng' }).click();
    await page.getByLabel('Họ tên (không cần dấu) hoặc số CCCD').fill('nguyen van hung');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.getByRole('link', { name: 'Nguyễn Văn Hùng' }).first().click();
    // then
    await page.getByRole('heading', { name: 'Nguyễn Văn Hùng', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Dòng thời gian' }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/person.png`, fullPage: true });
    console.log(`task list interactive after reload: ${interactiveMs} ms`);
  });
});
