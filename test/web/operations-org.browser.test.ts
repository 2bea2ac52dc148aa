import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from './support/axe';
import { defaultState, installMockApi, ME, mockTask, type MockState } from './support/mock-api';
import { installMockOrgApi, orgState, type MockOrgState } from './support/mock-org-api';
import { useBuiltWebApp } from './support/web-app-harness';

const ARTIFACTS = 'test/artifacts/web';

describe('operations (agencies, jurisdictions), who else can act and named history in Chromium (mocked API)', () => {
  const app = useBuiltWebApp(ARTIFACTS);
  let page: Page;
  let state: MockState;
  let org: MockOrgState;

  beforeEach(async () => {
    await page?.close();
    state = defaultState();
    state.user = { ...state.user, username: 'admin.tinh', displayName: 'Quản trị tỉnh', roles: ['provincial_admin'] };
    state.rules = [...state.rules, { action: ['read', 'create', 'update'], subject: 'User' }, { action: ['create', 'update'], subject: ['Agency', 'Jurisdiction'] }, { action: 'read', subject: 'Incident' }];
    org = orgState();
    page = await app.browser.newPage();
    await installMockApi(page, state);
    await installMockOrgApi(page, org, state.calls);
  });

  async function signIn(path: string) {
    await page.goto(`${app.server.url}${path}`);
    await page.getByLabel('Tên đăng nhập').fill('admin.tinh');
    await page.getByLabel('Mật khẩu').fill('QuyTrinh@2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('.shell-header').waitFor();
  }
  async function expectAccessible() {
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  }
  const focused = () => page.evaluate(() => ({ id: document.activeElement?.id ?? '', text: document.activeElement?.textContent ?? '', value: (document.activeElement as HTMLInputElement | null)?.value ?? '' }));

  it('should add an agency, edit one by keyboard, and deactivate it with undo', async () => {
    // given
    await signIn('/admin/agencies');
    await page.getByRole('heading', { name: 'Cơ quan', level: 2 }).waitFor();
    await page.locator('tr', { hasText: 'CA-99001' }).waitFor();
    await expectAccessible();
    // when an agency is added
    await page.getByLabel('Mã', { exact: true }).fill('UBND-99002');
    await page.getByRole('form', { name: 'Thêm cơ quan' }).getByLabel('Tên', { exact: true }).fill('UBND xã Số 2');
    await page.getByRole('form', { name: 'Thêm cơ quan' }).getByLabel('Loại cơ quan').selectOption('people_committee');
    await page.getByRole('form', { name: 'Thêm cơ quan' }).getByLabel('Địa bàn').fill('99002');
    await page.getByRole('button', { name: 'Thêm cơ quan' }).click();
    // then
    await page.getByText('Đã thêm UBND xã Số 2.').waitFor();
    await page.locator('tr', { hasText: 'UBND-99002' }).waitFor();
    expect(await page.locator('tr', { hasText: 'UBND-99002' }).innerText()).toContain('Ủy ban nhân dân');

    // when editing by keyboard: Enter on Edit, type, Enter saves
    await page.getByRole('button', { name: 'Sửa Công an xã số 1' }).focus();
    await page.keyboard.press('Enter');
    expect((await focused()).value).toBe('Công an xã số 1');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Công an xã Số Một');
    await page.keyboard.press('Enter');
    // then it is saved and the focus is back on the row's Edit button
    await page.getByText('Đã lưu Công an xã Số Một.').waitFor();
    await expect.poll(async () => (await focused()).id).toBe('edit-agency-a-1');
    expect(state.calls.find((c) => c.method === 'PATCH')?.body).toEqual({ name: 'Công an xã Số Một' });
    // and Escape closes the editor without saving
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await focused()).id).toBe('edit-agency-a-1');
    expect(state.calls.filter((c) => c.method === 'PATCH')).toHaveLength(1);

    // when deactivating: the question takes the focus, Enter confirms
    await page.getByRole('button', { name: 'Ngừng hoạt động Công an xã Số Một' }).click();
    expect((await focused()).text).toBe('Đồng ý');
    await page.keyboard.press('Enter');
    // then the accounts are disabled and Undo has the focus
    await page.getByText('Đã ngừng hoạt động Công an xã Số Một (2 tài khoản bị khóa).').waitFor();
    expect((await focused()).text).toBe('Hoàn tác');
    await expect.poll(() => page.locator('tr', { hasText: 'CA-99001' }).innerText()).toContain('0/2');
    await page.screenshot({ path: `${ARTIFACTS}/admin-agencies.png`, fullPage: true });
    await expectAccessible();
    // when undone
    await page.keyboard.press('Enter');
    // then exactly those accounts are enabled again
    await page.getByText('Công an xã Số Một hoạt động lại (2 tài khoản được mở).').waitFor();
    expect(state.calls.find((c) => c.path.endsWith('/reactivate'))?.body).toEqual({ userIds: ['u-a-1-0', 'u-a-1-1'] });
  }, 90_000);

  it('should page and search jurisdictions, end one today and undo it', async () => {
    // given
    await signIn('/admin/jurisdictions');
    await page.locator('tr', { hasText: 'Xã Số 1' }).first().waitFor();
    // then 20 per page of 25
    expect(await page.locator('table.register tbody tr').count()).toBe(20);
    expect(await page.getByRole('navigation', { name: 'Phân trang' }).innerText()).toContain('1–20 / 25');
    await expectAccessible();
    await page.getByRole('button', { name: 'Sau ›' }).click();
    await expect.poll(() => page.locator('table.register tbody tr').count()).toBe(5);
    // when searching
    await page.getByLabel('Tìm địa bàn (tên, mã)').fill('Số 24');
    await expect.poll(() => page.locator('table.register tbody tr').count()).toBe(1);
    // when ending it today, then undoing
    await page.getByRole('button', { name: 'Ngừng hiệu lực Xã Số 24' }).click();
    await page.getByRole('button', { name: 'Đồng ý' }).click();
    await page.getByText('Xã Số 24 hết hiệu lực từ hôm nay.').waitFor();
    await expect.poll(() => page.locator('tr', { hasText: 'Xã Số 24' }).innerText()).toContain('Hết hiệu lực từ');
    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    await expect.poll(() => page.locator('tr', { hasText: 'Xã Số 24' }).innerText()).toContain('Đang hiệu lực');
    const patches = state.calls.filter((c) => c.method === 'PATCH').map((c) => c.body);
    expect(patches).toEqual([{ validTo: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }, { validTo: null }]);
    // when nothing matches
    await page.getByLabel('Tìm địa bàn (tên, mã)').fill('không có');
    await page.getByText('Không có kết quả phù hợp với tìm kiếm.').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/admin-jurisdictions.png`, fullPage: true });
  }, 90_000);

  it('should show who else can act, by agency, on the task page', async () => {
    // given
    state.user = defaultState().user;
    state.tasks = [mockTask({ name: 'Xác minh nơi cư trú', candidate_groups: ['police:99001', 'police:99002'] })];
    state.candidates = [
      { id: ME, displayName: 'Nguyễn Văn An', agencyName: 'Công an xã Hòa Bình', agencyCode: 'CA-99001' },
      { id: 'u2', displayName: 'Trần Thị Bích', agencyName: 'Công an xã Hòa Bình', agencyCode: 'CA-99001' },
    ];
    // when
    await signIn(`/tasks/${state.tasks[0].id}?view=groups`);
    await page.getByRole('heading', { name: 'Xác minh nơi cư trú', level: 2 }).waitFor();
    // then
    const people = page.getByTestId('task-people');
    expect(await people.innerText()).toMatch(/Công an xã Hòa Bình\s+Nguyễn Văn An\s+Trần Thị Bích/);
    expect(await people.innerText()).toContain('police:99002');
    expect(state.calls.some((c) => c.path === '/api/agencies')).toBe(false);
    await expectAccessible();
  }, 90_000);

  it('should show step and people names in the instance history', async () => {
    // given
    org.instance = {
      instance: { id: 'i1', definition_id: 'd1', definition_key: 'compulsory-dossier', state: 'active', business_key: 'HS-2026-0001' },
      tasks: [],
      history: [
        { id: '1', type: 'instance.started', element_id: null, element_name: null, actor: ME, actor_name: 'Nguyễn Văn An', actor_agency: 'Công an xã Hòa Bình', at: '2026-03-02T01:00:00.000Z' },
        { id: '2', type: 'task.completed', element_id: 'Task_Check', element_name: 'Kiểm tra hồ sơ', actor: 'u9', actor_name: 'Phạm Thị Thu', actor_agency: 'Phòng LĐTBXH', at: '2026-03-03T01:00:00.000Z' },
        { id: '3', type: 'element.activated', element_id: 'Gateway_1', element_name: 'Đủ điều kiện?', actor: null, at: '2026-03-03T01:00:01.000Z' },
      ],
    };
    // when
    await signIn('/instances/i1');
    const history = page.getByTestId('instance-history');
    await history.waitFor();
    // then
    const text = await history.innerText();
    expect(text).toContain('Nguyễn Văn An (Tôi) · Công an xã Hòa Bình');
    expect(text).toContain('Kiểm tra hồ sơ');
    expect(text).toContain('Phạm Thị Thu · Phòng LĐTBXH');
    expect(text).toMatch(/Đủ điều kiện\?\s+Hệ thống/);
    expect(text).not.toContain('u9');
    await expectAccessible();
    await page.screenshot({ path: `${ARTIFACTS}/instance-history.png`, fullPage: true });
  }, 90_000);

  it('should ask for the first page of the register once, while the app loads, and the counts after it', async () => {
    // given a signed-in officer with tasks
    state.user = defaultState().user;
    state.tasks = [mockTask({ name: 'Xác minh nơi cư trú' }), mockTask({ name: 'Lập biên bản' })];
    await signIn('/tasks?view=groups');
    await expect.poll(() => page.getByTestId('count-groups').innerText()).toBe('2');
    const requests: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/')) requests.push(url.pathname + url.search);
    });
    page.on('response', (r) => {
      if (new URL(r.url()).pathname === '/api/session') requests.push('answered: /api/session');
    });
    // when the page is loaded again
    await page.reload();
    await page.locator('.task-table tbody tr').first().waitFor();
    await expect.poll(() => page.getByTestId('count-groups').innerText()).toBe('2');
    // then the first page went out once, without waiting for the session check's answer (both are sent
    // by index.html's boot script), and the four counts after it
    const firstPage = requests.filter((r) => r.startsWith('/api/tasks?') && r.includes('limit=20'));
    const counts = requests.filter((r) => r.startsWith('/api/tasks?') && /[?&]limit=1(&|$)/.test(r));
    expect(firstPage).toEqual(['/api/tasks?view=groups&state=created&limit=20&offset=0']);
    expect(requests.filter((r) => r === '/api/session')).toHaveLength(1);
    expect(requests.indexOf(firstPage[0]), requests.join('\n')).toBeLessThan(requests.indexOf('answered: /api/session'));
    expect(counts, requests.join('\n')).toHaveLength(4);
    expect(Math.min(...counts.map((c) => requests.indexOf(c)))).toBeGreaterThan(requests.indexOf(firstPage[0]));
  }, 90_000);
});

