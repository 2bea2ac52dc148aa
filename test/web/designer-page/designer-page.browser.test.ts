import { readFileSync } from 'node:fs';
import type { Page, Route } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from '../support/axe';
import { defaultState, installMockApi, type MockState } from '../support/mock-api';
import { useBuiltWebApp } from '../support/web-app-harness';

const ARTIFACTS = 'test/artifacts/web';
const parentV1 = readFileSync('test/designer/fixtures/parent-procedure.bpmn', 'utf8');
const variantXml = parentV1.replace('dueDate="=add working days(now(), 5)"', 'dueDate="=add working days(now(), 7)"');
const parentV2 = parentV1.replace('name="Kết luận"', 'name="Kết luận của bác sĩ"').replace('dueDate="=add working days(now(), 5)"', 'dueDate="=add working days(now(), 10)"');
const XML: Record<string, string> = { 'def-p1': parentV1, 'def-p2': parentV2, 'def-v1': variantXml };

const definition = (id: string, version: number, jurisdiction: string | null) => ({
  id, key: 'verify_request', version, name: 'Xác minh yêu cầu', deployed_at: '2026-03-01T01:00:00.000Z', version_tag: null, jurisdiction_code: jurisdiction, parent_definition_id: null,
});
const DEFINITIONS = [definition('def-p2', 2, '99'), definition('def-p1', 1, '99'), definition('def-v1', 1, '991')];

const STORED_FORM = {
  id: 'determination.request', version: 3, title: { vi: 'Đề nghị xác định', en: 'Determination request' },
  schema: { type: 'object', properties: { reason: { type: 'string', title: 'Lý do' } } }, uiSchema: {}, translations: { en: { reason: { title: 'Reason' } } }, examples: {},
  checksum: 'c3', createdAt: '2026-11-20T01:00:00.000Z', createdBy: 'admin',
};

interface DesignerMock {
  variantActive: boolean;
  /** The answer of the next POST /api/forms: a stored version or the server's lint problems. */
  formSave?: 'ok' | 'invalid';
  calls: { method: string; path: string; body: Record<string, unknown> | undefined }[];
}

/** The designer's endpoints on top of the shared mock API (registered later, so asked first). */
async function installDesignerApi(page: Page, mock: DesignerMock) {
  const json = (route: Route, status: number, body: unknown) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
  await page.route('**/api/forms**', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const body = request.postData() ? (JSON.parse(request.postData()!) as Record<string, unknown>) : undefined;
    mock.calls.push({ method: request.method(), path: url.pathname, body });
    if (request.method() === 'POST' && mock.formSave === 'invalid') {
      const problem = { severity: 'error', code: 'UI_UNKNOWN_WIDGET', path: '/uiSchema/reason', message: { vi: 'Không có widget "x"', en: 'Unknown widget "x"' } };
      return json(route, 422, { error: { code: 'FORM_DEFINITION_INVALID', message: { vi: 'Định nghĩa biểu mẫu không hợp lệ.', en: 'The form definition is invalid.' }, details: { problems: [problem] } } });
    }
    if (request.method() === 'POST') return json(route, 201, { form: { ...body, version: 4, checksum: 'c4', createdAt: '2026-11-25T01:00:00.000Z', createdBy: 'u' }, created: true, warnings: [] });
    if (url.pathname === '/api/forms/determination.request') return json(route, 200, STORED_FORM);
    return json(route, 404, { error: { code: 'FORM_NOT_FOUND', message: { vi: 'Không tìm thấy biểu mẫu.', en: 'Form not found.' } } });
  });
  await page.route('**/api/{definitions,variants}**', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const body = request.postData() ? (JSON.parse(request.postData()!) as Record<string, unknown>) : undefined;
    mock.calls.push({ method: request.method(), path: url.pathname, body });
    const xml = /^\/api\/definitions\/([^/]+)\/xml$/.exec(url.pathname);
    if (xml) return route.fulfill({ status: 200, contentType: 'application/xml', body: XML[xml[1]] });
    const variant = {
      id: 'var-1', key: 'verify_request', name: 'Xác minh – huyện Sông Xanh', jurisdictionCode: '991', jurisdictionName: 'Huyện Sông Xanh', active: mock.variantActive,
      definitionId: 'def-v1', version: 1, parentDefinitionId: 'def-p1', parentVersion: 1, latestParentDefinitionId: 'def-p2', latestParentVersion: 2, parentHasNewer: true,
    };
    if (url.pathname === '/api/variants') return json(route, 200, { items: [variant], total: 1 });
    if (url.pathname === '/api/variants/var-1/versions') return json(route, 201, { variant: { ...variant, definitionId: 'def-v2', version: 2, parentDefinitionId: 'def-p2', parentVersion: 2, parentHasNewer: false }, definition: definition('def-v2', 2, '991') });
    if (url.pathname === '/api/variants/var-1/deactivate') {
      mock.variantActive = false;
      return json(route, 200, { ...variant, active: false });
    }
    if (url.pathname === '/api/definitions') return json(route, 200, { items: url.searchParams.get('key') ? DEFINITIONS : [DEFINITIONS[0], DEFINITIONS[2]], total: 3 });
    if (url.pathname === '/api/definitions/def-p1/migration/dry-run') {
      return json(route, 200, {
        total: 2,
        instances: [
          { instanceId: 'aaaaaaaa-0000-4000-8000-000000000001', businessKey: 'HS-0001', canMigrate: true, problems: [] },
          { instanceId: 'aaaaaaaa-0000-4000-8000-000000000002', businessKey: 'HS-0002', canMigrate: false, problems: [{ elementId: 'Old_Step', message: 'no element Old_Step in the target version' }] },
        ],
      });
    }
    if (url.pathname === '/api/definitions/def-p1/migration/apply') return json(route, 200, { migrated: 1, failed: [{ instanceId: 'aaaaaaaa-0000-4000-8000-000000000002', businessKey: 'HS-0002', problems: [] }], total: 2 });
    return route.fallback();
  });
}

describe('designer page in Chromium (mocked API): variants and migration', () => {
  const app = useBuiltWebApp(ARTIFACTS);
  let page: Page;
  let state: MockState;
  let mock: DesignerMock;

  beforeEach(async () => {
    await page?.close();
    state = defaultState();
    state.signedIn = true;
    state.user = { ...state.user, username: 'admin.huyen1', displayName: 'Quản trị quy trình huyện', roles: ['variant_admin'], jurisdiction: { id: 'j991', code: '991', name: 'Huyện Sông Xanh', path: '/99/991/', level: 'district', structure: '2022' } };
    state.rules = [{ action: ['read', 'create', 'update'], subject: 'Variant' }, { action: 'migrate', subject: 'Instance' }, { action: 'read', subject: 'Definition' }];
    mock = { variantActive: true, calls: [] };
    page = await app.browser.newPage();
    // every test starts in Vietnamese (the language choice is kept in localStorage)
    await page.addInitScript(() => localStorage.setItem('quy-trinh.locale', 'vi'));
    await installMockApi(page, state);
    await installDesignerApi(page, mock);
  });

  it('should warn that the parent is newer, preview the rebase with its conflict and deploy it on the new parent', async () => {
    // given the district admin's variant list
    await page.goto(`${app.server.url}/designer`);
    const row = page.locator('[data-testid=variant-list] tr[data-variant-id=var-1]');
    await row.waitFor();
    expect(await row.getByTestId('parent-newer').innerText()).toBe('Bản gốc đã có phiên bản mới (v2)');
    await page.screenshot({ path: `${ARTIFACTS}/designer-variant-list.png`, fullPage: true });

    // when the variant is rebased onto the new parent
    await row.locator('[data-action=rebase]').click();
    const conflict = page.locator('[data-testid=rebase-preview] li[data-kind=both-changed][data-element-id=Verify]');
    await expect.poll(() => conflict.count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator('.designer-workspace h3').first().innerText()).toBe('Xem trước khi áp dụng biến thể lên bản gốc v2');
    await page.screenshot({ path: `${ARTIFACTS}/designer-rebase-preview.png`, fullPage: true });
    await page.click('[data-testid=accept-rebase]');
    await expect.poll(() => page.getByText('Đã áp dụng lại lên bản gốc v2').count()).toBe(1);
    await page.locator('[data-testid=deploy-button] button').click();
    await page.getByRole('button', { name: 'Đồng ý' }).click();

    // then the new version is deployed on the new parent with the variant's deadline and the parent's rename
    await expect.poll(() => page.getByTestId('deploy-result').innerText()).toBe('Đã triển khai biến thể phiên bản 2 (gốc v2).');
    const deploy = mock.calls.find((c) => c.path === '/api/variants/var-1/versions');
    expect(deploy?.body?.parentDefinitionId).toBe('def-p2');
    expect(String(deploy?.body?.xml)).toContain('dueDate="=add working days(now(), 7)"');
    expect(String(deploy?.body?.xml)).toContain('name="Kết luận của bác sĩ"');
    expect(deploy?.body?.overrides).toBeTruthy();
    expect(await page.getByTestId('unsaved').count()).toBe(0);
  });

  it('should take the parent’s deadline when that choice is made for the conflict, re-running the rebase', async () => {
    // given the rebase preview of the variant
    await page.goto(`${app.server.url}/designer`);
    await page.locator('[data-testid=variant-list] tr[data-variant-id=var-1] [data-action=rebase]').click();
    const conflict = page.locator('[data-testid=rebase-preview] li[data-kind=both-changed][data-element-id=Verify]');
    await expect.poll(() => conflict.count(), { timeout: 20_000 }).toBe(1);
    expect(await conflict.getByTestId('rebase-choice-variant').isChecked()).toBe(true);

    // when the parent's value is chosen and the rebased model accepted and deployed
    await conflict.getByLabel('Lấy giá trị của phiên bản mới').check();
    await expect.poll(() => conflict.getByTestId('rebase-choice-parent').isChecked(), { timeout: 20_000 }).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/designer-rebase-choice.png`, fullPage: true });
    await page.click('[data-testid=accept-rebase]');
    await page.locator('[data-testid=deploy-button] button').click();
    await page.getByRole('button', { name: 'Đồng ý' }).click();

    // then the deployed model has the new parent's deadline, not the variant's
    await expect.poll(() => mock.calls.some((c) => c.path === '/api/variants/var-1/versions'), { timeout: 20_000 }).toBe(true);
    const deploy = mock.calls.find((c) => c.path === '/api/variants/var-1/versions');
    expect(String(deploy?.body?.xml)).toContain('dueDate="=add working days(now(), 10)"');
    expect(String(deploy?.body?.xml)).not.toContain('dueDate="=add working days(now(), 7)"');
  });

  it('should load the forms of the opened variant and save a form version, showing the version or the server’s problems', async () => {
    // given the variant opened for editing, on the forms tab
    await page.goto(`${app.server.url}/designer`);
    await page.locator('[data-testid=variant-list] tr[data-variant-id=var-1] [data-action=edit]').click();
    await page.locator('[data-tab=forms]').click();
    const status = page.getByTestId('forms-status');
    await expect.poll(() => status.innerText(), { timeout: 20_000 }).toContain('Đã tải 1 biểu mẫu');
    expect(await status.innerText()).toContain('Chưa có trên máy chủ: determination.conclusion');

    // when the form is saved
    await page.getByTestId('save-form-version').click();

    // then the version stored is shown and the form went without its version number
    await expect.poll(() => page.getByTestId('form-save-result').innerText()).toBe('Đã lưu biểu mẫu determination.request, phiên bản 4.');
    const saved = mock.calls.find((c) => c.method === 'POST' && c.path === '/api/forms');
    expect(saved?.body).toMatchObject({ id: 'determination.request', title: STORED_FORM.title });
    expect(saved?.body?.version).toBeUndefined();

    // when the server refuses the next save
    mock.formSave = 'invalid';
    await page.getByTestId('save-form-version').click();

    // then its problems are listed
    await expect.poll(() => page.getByTestId('form-save-result').innerText()).toContain('Máy chủ từ chối biểu mẫu: 1 vấn đề.');
    expect(await page.getByTestId('form-save-result').innerText()).toContain('Không có widget "x"');
  });

  it('should list variants accessibly and deactivate one only after confirmation', async () => {
    // given
    await page.goto(`${app.server.url}/designer`);
    const row = page.locator('[data-testid=variant-list] tr[data-variant-id=var-1]');
    await row.waitFor();
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    // when
    await row.getByRole('button', { name: 'Ngừng áp dụng' }).click();
    expect(mock.calls.some((c) => c.path.endsWith('/deactivate'))).toBe(false);
    await row.getByRole('button', { name: 'Đồng ý' }).click();
    // then
    await expect.poll(() => row.innerText()).toContain('Áp dụng lại');
    expect(mock.calls.filter((c) => c.path === '/api/variants/var-1/deactivate')).toHaveLength(1);
  });

  it('should ask before leaving a variant with changes not yet deployed', async () => {
    // given an edited variant (a rebase accepted, not deployed)
    await page.goto(`${app.server.url}/designer`);
    await page.locator('[data-testid=variant-list] [data-action=rebase]').click();
    await page.locator('[data-testid=accept-rebase]').click({ timeout: 20_000 });
    await page.getByTestId('unsaved').waitFor();
    const questions: string[] = [];
    page.once('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    // when the admin goes back to the list and refuses to lose the changes
    await page.getByTestId('variant-back').click();
    // then the editor stays
    await expect.poll(() => questions).toEqual(['Các thay đổi chưa triển khai sẽ bị mất. Tiếp tục?']);
    expect(await page.getByTestId('variant-back').count()).toBe(1);
  });

  it('should speak English after the language switch', async () => {
    // given
    await page.goto(`${app.server.url}/designer`);
    await page.locator('[data-testid=variant-list]').waitFor();
    // when
    await page.getByRole('button', { name: 'Switch to English' }).click();
    // then
    expect(await page.locator('[data-mode-tab=variants]').innerText()).toBe('Local variants');
    expect(await page.getByTestId('parent-newer').innerText()).toBe('The parent has a newer version (v2)');
    expect(await page.getByTestId('variant-start').innerText()).toBe('Start editing');
  });

  it('should dry-run a migration, show who can move and why not, then apply it', async () => {
    // given
    await page.goto(`${app.server.url}/designer`);
    await page.click('[data-mode-tab=migration]');
    await page.getByTestId('migration-key').selectOption('verify_request');
    await page.getByTestId('migration-source').selectOption('def-p1');
    await page.getByTestId('migration-target').selectOption('def-p2');
    // when
    await page.getByTestId('migration-dry-run').click();
    // then
    const plan = page.getByTestId('migration-plan');
    await plan.waitFor();
    expect(await plan.locator('tr[data-can-migrate=true]').count()).toBe(1);
    expect(await plan.locator('tr[data-can-migrate=false]').innerText()).toContain('Phiên bản đích không có phần tử Old_Step');
    await page.screenshot({ path: `${ARTIFACTS}/designer-migration-dry-run.png`, fullPage: true });
    // when applied (after confirmation)
    await page.getByRole('button', { name: 'Chuyển 1 hồ sơ' }).click();
    await page.getByRole('button', { name: 'Đồng ý' }).click();
    // then
    await expect.poll(() => page.getByTestId('migration-result').innerText()).toBe('Đã chuyển 1 hồ sơ; 1 hồ sơ không chuyển được.');
    expect(mock.calls.find((c) => c.path.endsWith('/migration/apply'))?.body).toEqual({ targetDefinitionId: 'def-p2' });
  });
});
