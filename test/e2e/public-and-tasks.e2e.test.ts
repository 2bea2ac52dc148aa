import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { describeViolations, seriousViolations } from '../web/support/axe';
import { apiLogin, signInPage, startE2ePlatform, type E2ePlatform } from './support/e2e-platform';

const ARTIFACTS = 'test/artifacts/e2e';

const flakyXml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://quytrinh.test">
  <bpmn:process id="e2e-flaky-notice" name="Gửi thông báo (thử nghiệm sự cố)" isExecutable="true">
    <bpmn:startEvent id="start" name="Bắt đầu"/>
    <bpmn:serviceTask id="send" name="Gửi thông báo đến cơ quan liên quan">
      <bpmn:extensionElements><zeebe:taskDefinition type="e2e.notice" retries="1"/></bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:endEvent id="end" name="Kết thúc"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="send"/>
    <bpmn:sequenceFlow id="f2" sourceRef="send" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`;

describe('e2e: public registration reaches the commune; sign-in, task list, person search, incident retry (real server)', () => {
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
  }, 120_000);

  it('should show the task list quickly, open a person found without accents, and pass axe', async () => {
    // given
    const page = await signInPage(browser.context, stack.url, 'ca.xa1', stack.password, '/tasks?view=groups');
    const started = Date.now();
    await page.reload();
    await page.getByRole('heading', { name: 'Sổ theo dõi công việc' }).waitFor();
    await page.locator('.task-table, .empty-state').first().waitFor();
    // Timed only for the log: the < 1 s budget is measured by `npm run bench:web` (no timed assertions in tests).
    const interactiveMs = Date.now() - started;
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
    // when the officer starts addiction determination for them
    await page.getByLabel('Thủ tục').selectOption('addiction-determination');
    await page.getByRole('button', { name: /^Khởi tạo thủ tục:/ }).click();
    // then the new instance is shown with its first step active
    await page.waitForURL(/\/instances\//, { timeout: 15_000 });
    await expect.poll(() => page.getByTestId('instance-counts').innerText(), { timeout: 15_000 }).toMatch(/[1-9]\d* đang xử lý/);
    await page.locator('.bpmn-canvas[data-state=ready]').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: `${ARTIFACTS}/instance-started.png`, fullPage: true });
    console.log(`task list interactive after reload: ${interactiveMs} ms`);
  }, 120_000);

  it('should let an admin retry an incident from the operations page', async () => {
    // given an external worker failed a job with no retries left → incident
    const admin = await apiLogin(stack.url, 'admin.tinh', stack.password);
    await admin.call('POST', '/api/definitions', { xml: flakyXml });
    const officer = await apiLogin(stack.url, 'ca.xa1', stack.password);
    const { instanceId } = await officer.call<{ instanceId: string }>('POST', '/api/instances', { definitionKey: 'e2e-flaky-notice', variables: { communeCode: '99130' } });
    const { jobs } = await admin.call<{ jobs: { id: string }[] }>('POST', '/api/external-tasks/fetch-and-lock', { workerId: 'e2e-worker', types: ['e2e.notice'] });
    expect(jobs).toHaveLength(1);
    await admin.call('POST', `/api/external-tasks/${jobs[0].id}/fail`, { workerId: 'e2e-worker', errorMessage: 'Máy chủ thư không phản hồi', retries: 0 });
    // when the admin opens the incidents and retries
    const page = await signInPage(browser.context, stack.url, 'admin.tinh', stack.password, '/admin/incidents');
    const row = page.locator('tr', { hasText: 'Máy chủ thư không phản hồi' });
    await row.waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/admin-incidents.png`, fullPage: true });
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await row.getByRole('button', { name: 'Thử lại tác vụ' }).click();
    // then
    await page.getByText('Đã thử lại.').waitFor();
    await expect.poll(() => page.locator('tr', { hasText: 'Máy chủ thư không phản hồi' }).count()).toBe(0);
    const retried = await admin.call<{ jobs: { id: string }[] }>('POST', '/api/external-tasks/fetch-and-lock', { workerId: 'e2e-worker', types: ['e2e.notice'] });
    expect(retried.jobs.map((j) => j.id)).toEqual([jobs[0].id]);
    await admin.call('POST', `/api/external-tasks/${jobs[0].id}/complete`, { workerId: 'e2e-worker' });
    const detail = await admin.call<{ instance: { state: string } }>('GET', `/api/instances/${instanceId}`);
    expect(detail.instance.state).toBe('completed');
    // and the user administration lists the province's users
    await page.getByRole('link', { name: 'Người dùng' }).click();
    await page.locator('tr', { hasText: 'ca.xa1' }).first().waitFor();
    const usersViolations = await seriousViolations(page);
    expect(usersViolations, describeViolations(usersViolations)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/admin-users.png`, fullPage: true });
    // and the agencies and jurisdictions of the province are editable lists
    await page.getByRole('link', { name: 'Cơ quan', exact: true }).click();
    await page.getByRole('button', { name: /^Sửa / }).first().waitFor();
    const agencyViolations = await seriousViolations(page);
    expect(agencyViolations, describeViolations(agencyViolations)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/admin-agencies.png`, fullPage: true });
    await page.getByRole('link', { name: 'Địa bàn', exact: true }).click();
    await page.getByRole('button', { name: /^Ngừng hiệu lực / }).first().waitFor();
    const placeViolations = await seriousViolations(page);
    expect(placeViolations, describeViolations(placeViolations)).toEqual([]);
  }, 120_000);
});
