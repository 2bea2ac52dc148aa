import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCount, openDesignerPage, waitForImports, type DesignerSession } from './designer-page';

const FIXTURE = 'test/designer/fixtures/verify-user-task.bpmn';

describe('designer page in Chromium', () => {
  let session: DesignerSession;
  let page: Page;

  beforeAll(async () => {
    session = await openDesignerPage();
    page = session.page;
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  async function openFixture(): Promise<void> {
    const before = await importCount(page);
    await page.setInputFiles('[data-testid=open-bpmn]', FIXTURE);
    await waitForImports(page, before + 1);
  }

  const problemCount = () => page.locator('[data-testid=problem-count]').innerText();

  it('should label the palette in Vietnamese', async () => {
    // when
    const labels = await page.locator('.djs-palette .entry').evaluateAll((entries) => entries.map((e) => e.getAttribute('aria-label') ?? e.getAttribute('title')));
    // then
    expect(labels).toEqual(expect.arrayContaining(['Tạo sự kiện bắt đầu', 'Tạo sự kiện kết thúc', 'Tạo cổng rẽ nhánh', 'Tạo bước người dùng', 'Công cụ kéo màn hình']));
    expect(labels.filter((label) => label?.startsWith('Create'))).toEqual([]);
  });

  it('should label the properties panel of a user task in Vietnamese', async () => {
    // given
    await openFixture();
    // when
    await page.click('.djs-element[data-element-id=Task_verify]');
    // then
    const groups = await page.locator('.bio-properties-panel-group-header-title').allInnerTexts();
    expect(groups).toEqual(expect.arrayContaining(['Thông tin chung', 'Phân công', 'Biểu mẫu']));
    expect((await page.locator('.bio-properties-panel-header-type').innerText()).toLowerCase()).toBe('bước người dùng');
  });

  it('should report a bad due date typed in the properties panel and clear it once fixed', async () => {
    // given a valid model
    await openFixture();
    await expect.poll(problemCount).toBe('0 lỗi, 0 cảnh báo');
    await page.click('.djs-element[data-element-id=Task_verify]');
    const group = page.locator('[data-group-id="group-assignmentDefinition"]');
    if (!(await group.locator('.bio-properties-panel-group-entries.open').count())) await group.locator('.bio-properties-panel-group-header').click();
    const dueDate = group.locator('[data-entry-id=taskScheduleDueDate] input');

    // when a due date that is neither ISO 8601 nor FEEL is typed
    await dueDate.fill('5 ngày');

    // then the problem is listed and marked on the diagram
    const problem = page.locator('.qt-problem button[data-rule="quy-trinh/due-date-expression"]');
    await expect.poll(() => problem.count()).toBe(1);
    expect(await problem.getAttribute('data-element-id')).toBe('Task_verify');
    expect(await problem.innerText()).toContain('Hạn xử lý');
    expect(await page.locator('.djs-overlay-linting').count()).toBeGreaterThan(0);

    // when the problem is clicked, its element is selected
    await page.click('.djs-element[data-element-id=Start_1]');
    await problem.click();
    await expect.poll(() => page.locator('.djs-element.selected[data-element-id=Task_verify]').count()).toBe(1);

    // when the due date is corrected
    await dueDate.fill('2026-02-01T17:00:00+07:00');

    // then the problem disappears and the export carries the due date
    await expect.poll(() => problem.count()).toBe(0);
    await expect.poll(problemCount).toBe('0 lỗi, 0 cảnh báo');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=save-bpmn]')]);
    const xml = readFileSync((await download.path())!, 'utf8');
    expect(xml).toMatch(/<zeebe:taskSchedule dueDate="2026-02-01T17:00:00\+07:00" \/>/);
    expect(download.suggestedFilename()).toBe('verify_request.bpmn');
  });

  it('should build a form with a conditional field and preview it live', async () => {
    // given a new form in the forms tab
    await page.click('[data-tab=forms]');
    await page.click('.designer-page .qt-toolbar button:text-is("+")');
    await page.waitForSelector('[data-testid=form-editor]');
    // when a choice and a text shown only for "Có" are added
    await page.click('[data-kind=choice]');
    await page.click('[data-kind=text]');
    await page.fill('[data-testid=title-vi-text1]', 'Lý do cụ thể');
    const text = page.locator('[data-field-key=text1]');
    await text.locator('select').selectOption('choice1');
    await text.locator('select + input').fill('Có');
    // then the preview shows the text only once "Có" is chosen
    const preview = page.locator('.qt-form-preview');
    await expect.poll(() => preview.getByText('Lý do cụ thể').count()).toBe(0);
    await preview.getByLabel('Có').check();
    await expect.poll(() => preview.getByText('Lý do cụ thể').count()).toBe(1);
    expect(await page.locator('[data-testid=form-json]').inputValue()).toContain('"const": "Có"');
  });

  it('should show what a variant changes against its parent', async () => {
    // given the model open in the designer is a variant with a longer deadline
    await page.click('[data-tab=process]');
    const parent = readFileSync('test/designer/fixtures/parent-procedure.bpmn', 'utf8');
    const variant = parent.replace('dueDate="=add working days(now(), 5)"', 'dueDate="=add working days(now(), 7)"');
    const before = await importCount(page);
    await page.setInputFiles('[data-testid=open-bpmn]', { name: 'variant.bpmn', mimeType: 'application/xml', buffer: Buffer.from(variant) });
    await waitForImports(page, before + 1);
    // when the parent is opened in the variant tab
    await page.click('[data-tab=variant]');
    await page.setInputFiles('[data-testid=open-parent]', 'test/designer/fixtures/parent-procedure.bpmn');
    // then the changed task is listed with its property change and marked amber on both diagrams
    const row = page.locator('[data-testid=variant-diff] tr[data-kind=changed][data-element-id=Verify]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain('Hạn xử lý');
    expect(await page.locator('[data-testid=variant-diff] tr').count()).toBe(1);
    expect(await page.locator('.qt-diff-changed[data-element-id=Verify]').count()).toBe(2);
  });

  it('should preview a rebase on a new parent version with its conflicts, then use it', async () => {
    // given the variant tab still compares the variant with its parent; the province publishes a
    // version that renames a step and also changes the deadline the variant overrides
    const parent = readFileSync('test/designer/fixtures/parent-procedure.bpmn', 'utf8');
    const newParent = parent.replace('name="Kết luận"', 'name="Kết luận của bác sĩ"').replace('dueDate="=add working days(now(), 5)"', 'dueDate="=add working days(now(), 10)"');
    // when
    await page.setInputFiles('[data-testid=open-new-parent]', { name: 'new-parent.bpmn', mimeType: 'application/xml', buffer: Buffer.from(newParent) });
    // then the conflict is listed and the rebased model differs from the new version only by the override
    const conflict = page.locator('[data-testid=rebase-preview] li[data-kind=both-changed][data-element-id=Verify]');
    await expect.poll(() => conflict.count()).toBe(1);
    expect(await conflict.innerText()).toContain('Hạn xử lý');
    const rows = page.locator('[data-testid=rebase-preview] [data-testid=variant-diff] tr');
    await expect.poll(() => rows.count()).toBe(1);
    // when accepted, the designer opens the rebased model
    const before = await importCount(page);
    await page.click('[data-testid=accept-rebase]');
    await waitForImports(page, before + 1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=save-bpmn]')]);
    const xml = readFileSync((await download.path())!, 'utf8');
    expect(xml).toContain('name="Kết luận của bác sĩ"');
    expect(xml).toContain('dueDate="=add working days(now(), 7)"');
  });
});
