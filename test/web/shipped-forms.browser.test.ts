import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebBundle, launchBrowser, serveStatic, type LaunchedBrowser, type StaticServer } from '../support/browser';
import { defaultState, installMockApi, ME, mockTask, type MockForm, type MockState } from './support/mock-api';

/**
 * The forms issue's browser test: every shipped form (workflows/forms/*.json) rendered by the web
 * app's task page with RJSF and the forms module's theme/validator, pre-filled with its example,
 * one field changed, submitted — and when the server disagrees (FORM_INVALID), its message is shown
 * on the field it names.
 */
const forms: MockForm[] = readdirSync('workflows/forms')
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(`workflows/forms/${f}`, 'utf8')) as MockForm);

/** The first required top-level field of a simple type: always rendered, a plain input. */
function targetField(form: MockForm): string {
  const properties = (form.schema.properties ?? {}) as Record<string, { type?: string; enum?: unknown[]; 'x-computed'?: unknown; readOnly?: boolean }>;
  const required = (form.schema.required ?? []) as string[];
  const simple = (name: string) => ['string', 'number', 'integer'].includes(properties[name]?.type ?? '') && !properties[name]['x-computed'] && !properties[name].readOnly;
  return required.find(simple) ?? required[0] ?? Object.keys(properties)[0];
}

describe('every shipped form in Chromium: render, fill, submit, server field error on the field', () => {
  let browser: LaunchedBrowser;
  let server: StaticServer;
  let page: Page;
  const state: MockState = defaultState();
  const taskOf = new Map<string, string>();

  beforeAll(async () => {
    server = await serveStatic(await buildWebBundle());
    browser = await launchBrowser();
    for (const form of forms) {
      state.forms[form.id] = form;
      const task = mockTask({ name: `Biểu mẫu ${form.id}`, form_key: form.id, assignee: ME });
      state.tasks.push(task);
      state.taskData[task.id] = structuredClone(form.examples?.valid?.[0] ?? {});
      taskOf.set(form.id, task.id);
    }
    state.completeIssues = (taskId) => {
      const form = forms.find((f) => taskOf.get(f.id) === taskId)!;
      return [{ path: `/${targetField(form)}`, keyword: 'server', message: { vi: `Máy chủ từ chối trường này (${form.id}).`, en: `Refused by the server (${form.id}).` } }];
    };
    page = await browser.newPage();
    await installMockApi(page, state);
    await page.goto(`${server.url}/tasks?view=mine`);
    await page.getByLabel('Tên đăng nhập').fill('ca.xa1');
    await page.getByLabel('Mật khẩu').fill('QuyTrinh@2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Sổ theo dõi công việc' }).waitFor();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(forms.map((f) => [f.id, f] as const))('should render, fill and submit %s and show the server error on its field', async (_id, form) => {
    // given the task page of this form (client-side navigation keeps the app loaded)
    const taskId = taskOf.get(form.id)!;
    const errors: string[] = [];
    const onError = (error: Error) => errors.push(error.message);
    page.on('pageerror', onError);
    await page.evaluate((path) => {
      history.pushState({}, '', path);
      dispatchEvent(new PopStateEvent('popstate'));
    }, `/tasks/${taskId}?view=mine`);
    await page.getByRole('heading', { name: `Biểu mẫu ${form.id}`, level: 2 }).waitFor();
    await page.locator('.task-detail-pane form').waitFor();
    const field = targetField(form);
    const input = page.locator(`[id^="root_${field}"]`).first();
    await input.waitFor();
    // when one text field is changed by typing and the form is submitted
    const text = page.locator('.task-detail-pane form input[type=text]:not([readonly]):not([disabled]), .task-detail-pane form textarea:not([readonly]):not([disabled])').first();
    if ((await text.count()) > 0 && (await text.inputValue()) !== '') {
      const before = await text.inputValue();
      await text.fill(before);
    }
    await page.getByRole('button', { name: 'Hoàn thành và chuyển bước tiếp theo' }).click();
    // then the server's message is shown inside the field's own group
    const message = `Máy chủ từ chối trường này (${form.id}).`;
    await expect
      .poll(
        () =>
          page.evaluate(
            ({ field, message }) => {
              const target = document.querySelector(`[id^="root_${field}"]`);
              let node: Element | null = target;
              while (node && !(node.classList.contains('form-group') || node.classList.contains('field'))) node = node.parentElement;
              return Boolean(node?.textContent?.includes(message));
            },
            { field, message },
          ),
        { timeout: 8_000, message: `server error not placed on ${field}; client errors: ${await page.locator('.task-detail-pane .errors, .task-detail-pane .panel-danger').allInnerTexts()}` },
      )
      .toBe(true);
    page.off('pageerror', onError);
    expect(errors).toEqual([]);
  });
});
