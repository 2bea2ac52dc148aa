import type { Page } from 'playwright-core';
import type { LaunchedBrowser } from '../support/browser';
import { apiLogin, signInWithSession } from '../e2e/support/e2e-platform';
import { XSS_MARKER, hostileStrings } from './r5-payloads';
import { twoStepXml } from './support/fixture';
import type { Figure } from './support/report';

/** Values typed by hand into forms: injection strings, NFD Vietnamese, a huge string, prototype keys. */
export const typedValues = [...hostileStrings.filter((s) => !s.includes('\u0000')), '__proto__', 'constructor', '{"__proto__":{"polluted":1}}'];

interface Watch {
  counters: Record<string, number>;
  violations: string[];
}

/** Counts what must never happen on a page: an alert (confirm/beforeunload are the app's own), the marker, a 5xx. */
function watch(page: Page, label: string, w: Watch): void {
  page.on('dialog', (dialog) => {
    if (dialog.type() === 'alert' || dialog.message().includes(XSS_MARKER)) {
      w.counters.dialogs += 1;
      w.violations.push(`${label}: ${dialog.type()} "${dialog.message().slice(0, 80)}" on ${page.url()}`);
    }
    void dialog.accept().catch(() => undefined);
  });
  page.on('console', (message) => {
    if (message.text().includes(XSS_MARKER)) {
      w.counters.consoleMarkers += 1;
      w.violations.push(`${label}: console marker on ${page.url()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 500) {
      w.counters.responses5xx += 1;
      w.violations.push(`${label}: ${response.status()} from ${response.request().method()} ${new URL(response.url()).pathname}`);
    }
  });
}

async function windowMarker(page: Page, label: string, w: Watch): Promise<void> {
  if (await page.evaluate(`typeof window.${XSS_MARKER} !== 'undefined' || typeof Object.prototype.polluted !== 'undefined'`)) {
    w.counters.windowMarkers += 1;
    w.violations.push(`${label}: window.${XSS_MARKER} or Object.prototype.polluted set on ${page.url()}`);
  }
}

/**
 * Types `values` (cycled) into every enabled text input and textarea under `scope`, saving the draft after
 * each: a value the server refuses (4xx, e.g. too long for the field) is counted and cleared again.
 */
async function typeAndSave(page: Page, scope: string, values: string[], w: Watch): Promise<string[]> {
  const fields = page.locator(`${scope} input[type=text]:enabled, ${scope} input:not([type]):enabled, ${scope} textarea:enabled`);
  const n = await fields.count();
  const saved: string[] = [];
  const save = page.getByRole('button', { name: 'Lưu nháp' });
  if (await save.isDisabled()) {
    w.violations.push('the task form cannot be saved by this user (pick another task)');
    return [];
  }
  for (let i = 0; i < n; i++) {
    const typed = await fields.nth(i).fill(values[i % values.length], { timeout: 5_000 }).then(() => true, () => false);
    if (!typed) continue;
    w.counters.formFieldsTyped += 1;
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/draft'), { timeout: 15_000 }),
      save.click(),
    ]);
    if (response.status() < 300) {
      w.counters.draftSaves += 1;
      saved.push(values[i % values.length].normalize('NFC'));
    } else if (response.status() < 500) {
      w.counters.draftValuesRefused4xx += 1;
      await fields.nth(i).fill('').catch(() => undefined);
    }
  }
  return saved;
}

/**
 * R5 (browser, typed by hand): hostile values typed into a real RJSF task form (each saved as a draft — a value the
 * server refuses with a 4xx is cleared —, the page reloaded so they render back, then a completion attempted), into the designer's properties panel (a task
 * name) and its form editor (field label and form title, rendered by the live preview), and a procedure
 * deployed with hostile step names whose tasks are then shown in the task list, the person's timeline and
 * the instance page. Promise: 0 alerts or console markers, 0 `window.qtxss`/`Object.prototype.polluted`,
 * 0 responses 5xx.
 */
export async function runBrowserForms(baseUrl: string, password: string, browser: LaunchedBrowser, options: { values?: string[] } = {}): Promise<Figure> {
  const values = options.values ?? typedValues;
  const w: Watch = { counters: { dialogs: 0, consoleMarkers: 0, windowMarkers: 0, responses5xx: 0, formFieldsTyped: 0, draftSaves: 0, draftValuesRefused4xx: 0, draftValuesRenderedBack: 0, designerValuesTyped: 0, formEditorLabelsTyped: 0, hostileStepsShown: 0, pagesOpened: 0 }, violations: [] };
  const police = await apiLogin(baseUrl, 'ca.xa1', password);
  const admin = await apiLogin(baseUrl, 'admin', password);

  // A procedure whose step names are the hostile values, for a hostile-named person: rendered back below.
  const names = values.map((v) => v.slice(0, 200).replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c));
  const xml = twoStepXml('rel_xss_forms').replace('name="Xác minh nơi cư trú"', `name="${names[0]}"`).replace('name="Lập báo cáo"', `name="${names[1 % names.length]}"`);
  await admin.call('POST', '/api/definitions', { xml });
  const person = await police.call<{ id: string }>('POST', '/api/persons', { fullName: values[0].slice(0, 200), communeCode: '99130' });
  const started = await police.call<{ instanceId: string }>('POST', '/api/instances', { definitionKey: 'rel_xss_forms', businessKey: values[2 % values.length].slice(0, 100), variables: { communeCode: '99130', personId: person.id } });

  // 1. RJSF task form: type, save the draft, reload, see the values as values, try to complete.
  const tasks = await police.call<{ items: { id: string; form_key: string | null }[] }>('GET', '/api/tasks?view=groups&limit=100');
  const withForm = tasks.items.find((t) => t.form_key);
  if (!withForm) w.violations.push('no open task with a form for ca.xa1 in the demo data');
  const taskPage = await signInWithSession(browser.context, baseUrl, 'ca.xa1', password, withForm ? `/tasks/${withForm.id}?view=groups` : '/tasks');
  watch(taskPage, 'task form', w);
  if (withForm) {
    const form = '.task-detail-pane form';
    await taskPage.locator(form).waitFor({ timeout: 20_000 });
    const saved = await typeAndSave(taskPage, form, values, w);
    await windowMarker(taskPage, 'task form (typed, drafts saved)', w);
    if (!w.counters.draftSaves) w.violations.push('no draft with a hostile value was accepted, nothing to render back');
    await taskPage.reload();
    await taskPage.locator(form).waitFor({ timeout: 20_000 });
    // the saved values come back as field values (polled: a loaded machine renders slowly)
    const back = await taskPage
      .waitForFunction(([selector, wanted]) => [...document.querySelectorAll<HTMLInputElement>(selector)].filter((e) => wanted.includes(e.value.normalize('NFC'))).length, [`${form} input, ${form} textarea`, saved] as const, { timeout: 20_000 })
      .then((handle) => handle.jsonValue() as Promise<number>, () => 0);
    w.counters.draftValuesRenderedBack = back;
    await windowMarker(taskPage, 'task form (draft reloaded)', w);
    await taskPage.getByRole('button', { name: 'Hoàn thành và chuyển bước tiếp theo' }).click();
    await taskPage.waitForTimeout(1_500);
    await windowMarker(taskPage, 'task form (completion tried)', w);
  }

  // 2. Render back: task list, person page with its timeline, instance page.
  for (const path of ['/tasks?view=groups', `/cases/persons/${person.id}`, `/instances/${started.instanceId}`, `/tasks?view=groups&q=${encodeURIComponent(values[0].slice(0, 50))}`]) {
    await taskPage.goto(`${baseUrl}${path}`);
    await taskPage.locator('.shell-header').waitFor({ timeout: 30_000 }).catch(() => undefined);
    w.counters.pagesOpened += 1;
    const wanted = values.slice(0, 2).filter((v) => v.length > 5).map((v) => v.normalize('NFC').slice(0, 20));
    const shown = await taskPage.waitForFunction((texts) => texts.some((t) => document.body.innerText.includes(t)), wanted, { timeout: 15_000 }).then(() => true, () => false);
    if (shown) w.counters.hostileStepsShown += 1;
    await windowMarker(taskPage, path, w);
  }
  await taskPage.close();

  // 3. Designer: a task name in the properties panel, a field label and the form title in the form editor.
  const designer = await signInWithSession(browser.context, baseUrl, 'admin.tinh', password, '/designer');
  watch(designer, 'designer', w);
  await designer.getByTestId('picker-procedure').selectOption('compulsory-dossier|');
  await designer.getByTestId('picker-open').click();
  const element = designer.locator('.djs-element.djs-shape[data-element-id^=Task_]').first();
  await element.waitFor({ timeout: 30_000 });
  for (const value of values) {
    await element.click();
    const general = designer.locator('[data-group-id="group-general"]');
    await general.waitFor({ timeout: 10_000 });
    if (!(await general.locator('.bio-properties-panel-group-entries.open').count())) await general.locator('.bio-properties-panel-group-header').click();
    const name = designer.locator('[data-entry-id="name"] textarea, [data-entry-id="name"] input').first();
    await name.waitFor({ timeout: 10_000 });
    await name.fill(value);
    w.counters.designerValuesTyped += 1;
  }
  await windowMarker(designer, 'designer properties panel', w);
  await designer.getByTestId('validate-server').click().catch(() => undefined);
  await designer.waitForTimeout(1_500);
  await designer.locator('[data-tab=forms]').click();
  await designer.locator('.qt-toolbar button', { hasText: /^\+$/ }).last().click();
  await designer.locator('[data-testid=form-editor] button[data-kind=text]').click();
  for (const value of values) {
    await designer.locator('[data-testid^=title-vi-]').first().fill(value);
    await designer.locator('[data-testid=form-editor] section > label').nth(1).locator('input').fill(value);
    w.counters.formEditorLabelsTyped += 1;
  }
  await designer.waitForTimeout(500);
  await windowMarker(designer, 'designer form editor', w);
  await designer.close();

  return {
    name: 'R5 bad input (browser, typed)',
    scale: `${values.length} hostile values typed into an RJSF task form, the designer's properties panel and form editor; a hostile-named procedure rendered in 4 pages`,
    counters: w.counters,
    violations: w.violations,
  };
}
