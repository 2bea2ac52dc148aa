import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from './support/axe';
import { defaultState, installMockApi, ME, mockTask, PERSON, type MockState } from './support/mock-api';
import { useBuiltWebApp } from './support/web-app-harness';

const ARTIFACTS = 'test/artifacts/web';
const labourCheck = JSON.parse(readFileSync('workflows/forms/dossier.labour-check.json', 'utf8'));

describe('web app in Chromium (mocked API)', () => {
  const app = useBuiltWebApp(ARTIFACTS);
  let page: Page;
  let state: MockState;

  beforeEach(async () => {
    await page?.close();
    state = defaultState();
    state.forms[labourCheck.id] = labourCheck;
    state.tasks = [
      mockTask({ name: 'Kiểm tra hồ sơ (Phòng LĐTBXH)', dueInDays: -4, form_key: labourCheck.id, assignee: ME }),
      mockTask({ name: 'Bổ sung hồ sơ', dueInDays: 0.5 }),
      mockTask({ name: 'Lập biên bản', dueInDays: 14 }),
    ];
    page = await app.browser.newPage();
    await installMockApi(page, state);
  });

  async function signIn(path = '/tasks') {
    await page.goto(`${app.server.url}${path}`);
    await page.getByLabel('Tên đăng nhập').fill('ca.xa1');
    await page.getByLabel('Mật khẩu').fill('QuyTrinh@2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Sổ theo dõi công việc' }).waitFor();
  }

  async function expectAccessible() {
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  }

  it('should sign in in Vietnamese, refuse a wrong password with a bilingual message, and pass axe', async () => {
    // given
    await page.goto(`${app.server.url}/tasks`);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await expectAccessible();
    // when a wrong password is typed
    await page.getByLabel('Tên đăng nhập').fill('ca.xa1');
    await page.getByLabel('Mật khẩu').fill('sai');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    // then
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('Sai tên đăng nhập hoặc mật khẩu.');
    // when the right one is typed
    await page.getByLabel('Mật khẩu').fill('QuyTrinh@2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Sổ theo dõi công việc' }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/login-then-tasks.png` });
  });

  it('should show the four lists with counts, deadlines in colour with working days left, and claim from the list', async () => {
    // given
    await signIn('/tasks?view=groups');
    await expect.poll(() => page.getByTestId('count-mine').innerText()).toBe('1');
    expect(await page.getByTestId('count-groups').innerText()).toBe('2');
    expect(await page.getByTestId('count-overdue').innerText()).toBe('1');
    // then deadlines: amber (≤ 1 working day) and green
    const tones = await page.locator('.task-table .deadline').evaluateAll((els) => els.map((e) => e.getAttribute('data-tone')));
    expect(tones).toEqual(['soon', 'ok']);
    await expectAccessible();
    // when claiming the first unassigned task
    await page.getByRole('button', { name: 'Nhận việc: Bổ sung hồ sơ' }).click();
    // then the server was asked with the CSRF token and the list reloads without it (it is now mine)
    await expect.poll(() => state.calls.some((c) => c.method === 'POST' && c.path.endsWith('/claim'))).toBe(true);
    await expect.poll(() => page.getByTestId('count-mine').innerText()).toBe('2');
    // overdue list is red
    await page.getByRole('button', { name: /Quá hạn/ }).click();
    await expect.poll(() => page.locator('.task-table .deadline').first().getAttribute('data-tone')).toBe('overdue');
    expect(await page.locator('.task-table .deadline-left').first().innerText()).toMatch(/quá hạn \d+ ngày làm việc/);
    await page.screenshot({ path: `${ARTIFACTS}/task-list.png`, fullPage: true });
  });

  it('should show busy skeleton rows while the list loads, announced once, and put the rows in their place', async () => {
    // given a signed-in officer whose first page of tasks is slow
    state.signedIn = true;
    let release = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/tasks?*', async (route) => {
      await slow;
      await route.fallback();
    });
    // when
    await page.goto(`${app.server.url}/tasks?view=groups`);
    const skeleton = page.getByTestId('task-skeleton');
    await skeleton.waitFor();
    // then it is busy, says so once to screen readers, and passes axe
    expect(await skeleton.getAttribute('aria-busy')).toBe('true');
    expect(await page.getByRole('status').innerText()).toBe('Đang tải danh sách công việc…');
    expect(await skeleton.locator('tbody tr').count()).toBeGreaterThan(3);
    await expectAccessible();
    const headerBefore = await skeleton.locator('thead').boundingBox();
    await page.screenshot({ path: `${ARTIFACTS}/task-list-skeleton.png` });
    // when the answer arrives
    release();
    await page.locator('.task-table tbody tr a').first().waitFor();
    // then the skeleton is gone and the table starts where the placeholder's did (nothing above it moved)
    expect(await skeleton.count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/task-list-after-skeleton.png` });
    const headerAfter = await page.locator('.task-table thead').boundingBox();
    expect(headerAfter?.y).toBe(headerBefore?.y);
  });

  it('should open a task beside the list with its RJSF form and put the server’s field error on the right field', async () => {
    // given the server refuses the signer's name
    state.taskData[state.tasks[0].id] = labourCheck.examples.valid[0];
    state.completeIssues = () => [{ path: '/signerName', keyword: 'serverCheck', message: { vi: 'Người ký không thuộc Phòng LĐTBXH.', en: 'The signer is not from the labour office.' } }];
    await signIn('/tasks?view=mine');
    // when the task is opened
    await page.getByRole('link', { name: 'Kiểm tra hồ sơ (Phòng LĐTBXH)' }).click();
    await page.getByRole('heading', { name: 'Kiểm tra hồ sơ (Phòng LĐTBXH)', level: 2 }).waitFor();
    // then list and task are side by side
    expect(await page.locator('.task-list-pane').isVisible()).toBe(true);
    expect(await page.locator('.task-detail-pane form').isVisible()).toBe(true);
    await expectAccessible();
    // when completing
    await page.getByRole('button', { name: 'Hoàn thành và chuyển bước tiếp theo' }).click();
    // then the message is next to the signer field
    const field = page.locator('#root_signerName').locator('xpath=ancestor::*[contains(@class,"form-group") or contains(@class,"field")][1]');
    await expect.poll(() => field.innerText()).toContain('Người ký không thuộc Phòng LĐTBXH.');
    expect(await page.getByText('Máy chủ không chấp nhận một số trường').isVisible()).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/task-form-server-error.png`, fullPage: true });
  });

  it('should save a draft by itself after a change', async () => {
    // given
    state.taskData[state.tasks[0].id] = labourCheck.examples.valid[0];
    await signIn(`/tasks/${state.tasks[0].id}?view=mine`);
    await page.locator('#root_signerName').waitFor();
    // when
    await page.locator('#root_signerName').fill('Phạm Thị Thu');
    // then
    await expect.poll(() => state.calls.filter((c) => c.method === 'PUT' && c.path.endsWith('/draft')).length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(state.taskData[state.tasks[0].id].signerName).toBe('Phạm Thị Thu');
    await expect.poll(() => page.getByText(/Đã lưu nháp lúc/).isVisible()).toBe(true);
  });

  it('should show the user menu with name and agency, switch to English and sign out', async () => {
    // given
    await signIn();
    // when
    await page.getByRole('button', { name: /Tài khoản: Nguyễn Văn An/ }).click();
    // then
    expect(await page.locator('#user-menu-panel').innerText()).toContain('Công an xã Hòa Bình');
    await page.getByRole('link', { name: 'Đổi mật khẩu' }).waitFor();
    await page.keyboard.press('Escape');
    // when switching language
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Task register' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // when signing out
    await page.getByRole('button', { name: /Account: Nguyễn Văn An/ }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.evaluate(() => localStorage.removeItem('quy-trinh.locale'));
  });

  it('should work on a phone: menu button, register rows as cards, the open task replaces the list', async () => {
    // given
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn('/tasks?view=groups');
    // then the navigation is behind the menu button
    expect(await page.locator('#main-nav').isVisible()).toBe(false);
    await page.getByRole('button', { name: /Danh mục/ }).click();
    expect(await page.locator('#main-nav').isVisible()).toBe(true);
    await page.getByRole('button', { name: /Danh mục/ }).click();
    await expectAccessible();
    await page.screenshot({ path: `${ARTIFACTS}/task-list-phone.png`, fullPage: true });
    // when a task is opened
    await page.getByRole('link', { name: 'Bổ sung hồ sơ' }).click();
    await page.getByRole('heading', { name: 'Bổ sung hồ sơ', level: 2 }).waitFor();
    // then the list is hidden and a back link leads back
    expect(await page.locator('.task-list-pane').isVisible()).toBe(false);
    await page.locator('.task-detail-pane .back-link').click();
    await page.locator('.task-list-pane').waitFor({ state: 'visible' });
  });

  it('should be usable by keyboard: skip link, then tab to the first list', async () => {
    await signIn();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bỏ qua điều hướng');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('should find a person without accents and show the person page with statuses, documents and timeline', async () => {
    // given
    await signIn();
    await page.goto(`${app.server.url}/cases`);
    // when
    await page.getByLabel('Họ tên (không cần dấu) hoặc số CCCD').fill('le thi hoa');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.getByRole('link', { name: PERSON.full_name }).click();
    // then
    await page.getByRole('heading', { name: PERSON.full_name, level: 1 }).waitFor();
    expect(await page.locator('.timeline').innerText()).toContain('HS-20250701-ABC123');
    expect(await page.getByRole('link', { name: /Mẫu 29/ }).getAttribute('href')).toMatch(/\/api\/cases\/.+\/documents\/29\.pdf$/);
    await expectAccessible();
    await page.screenshot({ path: `${ARTIFACTS}/person.png`, fullPage: true });
  });

  it('should register online without signing in, place the phone error on the phone field and give a tracking code', async () => {
    // given
    await page.goto(`${app.server.url}/public/register`);
    await page.getByRole('heading', { name: 'Đăng ký cai nghiện tự nguyện' }).waitFor();
    await expectAccessible();
    await page.getByLabel('Họ và tên').fill('Trần Văn Bình');
    await page.getByLabel('Số điện thoại').fill('12345');
    await page.getByLabel('Xã/phường cư trú').selectOption('99001');
    await page.getByLabel('Tôi cam đoan thông tin trên là đúng sự thật.').check();
    // when
    await page.getByRole('button', { name: 'Gửi đăng ký đến UBND xã' }).click();
    // then
    await page.locator('#phone-error').waitFor();
    expect(await page.getByLabel('Số điện thoại').getAttribute('aria-invalid')).toBe('true');
    // when corrected
    await page.getByLabel('Số điện thoại').fill('0912345678');
    await page.getByRole('button', { name: 'Gửi đăng ký đến UBND xã' }).click();
    // then
    expect(await page.getByTestId('tracking-code').innerText()).toBe('DK-ABCDEFGH');
    await page.getByRole('link', { name: 'Tra cứu tình trạng hồ sơ' }).last().click();
    expect(await page.getByTestId('public-status').innerText()).toContain('Tiếp nhận đăng ký');
    await page.screenshot({ path: `${ARTIFACTS}/public-status.png` });
  });

  it('should change the password from the user menu, refusing a wrong current password and a mismatch', async () => {
    // given
    await signIn();
    await page.getByRole('button', { name: /Tài khoản: Nguyễn Văn An/ }).click();
    await page.getByRole('link', { name: 'Đổi mật khẩu' }).click();
    await page.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
    await expectAccessible();
    // when the two new passwords differ
    await page.getByLabel('Mật khẩu hiện tại').fill('QuyTrinh@2026');
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('MoiMoi@20261');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('Khac@20261');
    await page.getByRole('button', { name: /Đổi mật khẩu \(/ }).click();
    // then
    await page.getByText('Hai mật khẩu mới không khớp.').waitFor();
    // when the current one is wrong
    await page.getByLabel('Mật khẩu hiện tại').fill('sai');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('MoiMoi@20261');
    await page.getByRole('button', { name: /Đổi mật khẩu \(/ }).click();
    await page.getByText('Mật khẩu hiện tại không đúng.').waitFor();
    // when all is right
    await page.getByLabel('Mật khẩu hiện tại').fill('QuyTrinh@2026');
    await page.getByRole('button', { name: /Đổi mật khẩu \(/ }).click();
    await page.getByText('Đã đổi mật khẩu.', { exact: false }).waitFor();
  });

  it('should send an anonymous hotline report and give a tracking code', async () => {
    await page.goto(`${app.server.url}/public/report`);
    await page.getByRole('heading', { name: 'Đường dây nóng — tố giác, báo tin' }).waitFor();
    await page.getByLabel('Báo tin ẩn danh (không ghi họ tên)').check();
    expect(await page.getByLabel('Họ và tên').count()).toBe(0);
    await page.getByLabel('Xã/phường cư trú').selectOption('99002');
    await page.getByLabel('Nội dung báo tin').fill('Có nhóm người tụ tập sử dụng ma túy gần chợ.');
    await expectAccessible();
    await page.getByRole('button', { name: 'Gửi tin báo' }).click();
    expect(await page.getByTestId('tracking-code').innerText()).toBe('TB-ABCDEFGH');
    const sent = state.calls.find((c) => c.path === '/api/public/reports')?.body as Record<string, unknown>;
    expect(sent).toEqual({ anonymous: true, communeCode: '99002', description: 'Có nhóm người tụ tập sử dụng ma túy gần chợ.' });
  });
});
