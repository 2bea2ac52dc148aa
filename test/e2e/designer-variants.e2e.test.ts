import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadForms } from '../../workflows/index';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { FakeClock } from '../support/clock';
import { apiLogin, signInWithSession, startE2ePlatform, type ApiClient, type E2ePlatform } from './support/e2e-platform';

const ARTIFACTS = 'test/artifacts/e2e';
const KEY = 'compulsory-dossier';
const REVIEW_NAME = 'Phòng LĐTBXH huyện rà soát sớm hồ sơ';
const examples = new Map(loadForms().map((f) => [f.id, f.examples.valid[0] as Record<string, unknown>]));

/** Demo users answering the candidate groups of the 2022 flow in communes 99107 (district 991) and 99201 (district 992). */
const USER_OF_GROUP: Record<string, string> = {
  'people_committee:99107': 'ubnd.cu.xa3',
  'police:99107': 'ca.cu.xa3',
  'people_committee:99201': 'ubnd.cu.xa4',
  'police:99201': 'ca.cu.xa4',
  'labour_office:991': 'ldtbxh.huyen1',
};

interface OpenTask {
  id: string;
  element_id: string;
  name: string;
  form_key: string | null;
  candidate_groups: string[];
  instance_id: string;
  definition_id: string;
  due_at: string | null;
}

describe('e2e: the province changes a deadline, district 991 adopts a variant with an extra review step', () => {
  let stack: E2ePlatform;
  let browser: LaunchedBrowser;
  // districts 991/992 exist in the 2022 structure: the cases run in June 2024
  const clock = new FakeClock('2024-06-03T08:00:00+07:00');
  const clients = new Map<string, ApiClient>();
  const as = async (username: string) => {
    if (!clients.has(username)) clients.set(username, await apiLogin(stack.url, username, stack.password));
    return clients.get(username)!;
  };

  /** A person of `communeCode` with a compulsory-dossier case, its instance started the way the commune starts it. */
  async function startCase(communeCode: string, districtCode: string, idNumber: string, fullName: string) {
    const commune = await as(USER_OF_GROUP[`police:${communeCode}`]);
    const person = await commune.call<{ id: string }>('POST', '/api/persons', { fullName, dateOfBirth: '1990-04-12', sex: 'male', idType: 'cccd', idNumber, communeCode, permanentAddress: 'Thôn Bến' });
    const kase = await commune.call<{ id: string }>('POST', '/api/cases', { personId: person.id, procedureKey: KEY, title: 'Hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc' });
    const started = await commune.call<{ instanceId: string; definitionId: string }>('POST', '/api/instances', {
      definitionKey: KEY,
      variables: { personId: person.id, caseId: kase.id, communeCode, districtCode, provinceCode: '99', ruleset: '2022', triggerType: 'SELF_TERMINATED', isMinor: false },
    });
    return { ...started, personId: person.id };
  }

  async function openTasks(instanceId: string): Promise<OpenTask[]> {
    await stack.platform.app.workflowRuntime.drain();
    const { items } = await (await as('admin.tinh')).call<{ items: OpenTask[] }>('GET', `/api/tasks?view=all&limit=200&instanceId=${instanceId}`);
    return items;
  }

  /** Completes the open task of `elementId` in `instanceId` as the demo user of its candidate group, with its form's example. */
  async function complete(instanceId: string, elementId: string, overrides: Record<string, unknown> = {}) {
    const task = (await openTasks(instanceId)).find((x) => x.element_id === elementId);
    if (!task) throw new Error(`no open ${elementId}; open: ${(await openTasks(instanceId)).map((x) => x.element_id).join(', ')}`);
    const user = task.candidate_groups.map((g) => USER_OF_GROUP[g]).find(Boolean);
    if (!user) throw new Error(`no demo user for ${task.candidate_groups.join(', ')}`);
    const data = { ...(task.form_key ? examples.get(task.form_key.split(':')[0]) : {}), ...overrides };
    await (await as(user)).call('POST', `/api/tasks/${task.id}/complete`, { data });
  }

  const importCount = (page: Page) => page.locator('[data-testid=bpmn-designer]').getAttribute('data-import-count').then(Number);
  async function waitForImport(page: Page, before: number) {
    await expect.poll(() => importCount(page), { timeout: 20_000 }).toBeGreaterThan(before);
  }
  /** Opens a properties-panel group of the selected element when it is closed. */
  async function openGroup(page: Page, groupId: string) {
    const group = page.locator(`[data-group-id="${groupId}"]`);
    await group.waitFor();
    if (!(await group.locator('.bio-properties-panel-group-entries.open').count())) await group.locator('.bio-properties-panel-group-header').click();
    return group;
  }
  /** Replaces the text of a properties-panel entry (plain input/textarea, or the FEEL editor when the value is an expression). */
  async function setEntry(page: Page, entryId: string, value: string) {
    const entry = page.locator(`[data-entry-id="${entryId}"]`);
    const feel = entry.locator('.cm-content');
    if (await feel.count()) {
      await feel.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText(value.replace(/^=/, ''));
    } else {
      await entry.locator('input, textarea').first().fill(value);
    }
  }
  /**
   * Inserts a new user task into a sequence flow the way an admin does: zoom in on the flow (ctrl +
   * wheel), scroll it clear of the palette, pick the palette's user task and drop it on the flow.
   */
  async function dropTaskOnFlow(page: Page, flowId: string) {
    const flow = page.locator(`.djs-element[data-element-id=${flowId}]`);
    const centre = async () => {
      const box = await flow.boundingBox();
      if (!box) throw new Error(`${flowId} is not drawn`);
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    const at = await centre();
    await page.mouse.move(at.x, at.y);
    await page.keyboard.down('Control');
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    await page.mouse.wheel(-400, -150);
    await page.waitForTimeout(300);
    const target = await centre();
    await page.click('.djs-palette .entry[data-action="create.user-task"]');
    await page.mouse.move(target.x, target.y - 60, { steps: 5 });
    await page.mouse.move(target.x, target.y, { steps: 5 });
    await page.mouse.click(target.x, target.y);
  }
  async function deployFromPage(page: Page, expected: string) {
    await page.locator('[data-testid=deploy-button] button').click();
    await page.getByRole('button', { name: 'Đồng ý' }).click();
    await expect.poll(() => page.getByTestId('deploy-result').innerText(), { timeout: 30_000 }).toMatch(/Đã triển khai|từ chối/);
    const answer = await page.getByTestId('deploy-result').innerText();
    if (!answer.includes(expected)) throw new Error(`${answer}: ${await page.locator('.qt-problems').innerText()}`);
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    stack = await startE2ePlatform({}, clock);
    browser = await launchBrowser({ viewport: { width: 1600, height: 1000 } });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('should run new cases by the most specific version and keep running cases on theirs', async () => {
    // given a case of district 991 started before anything is deployed
    const early = await startCase('99107', '991', '099090100001', 'Lê Văn Sớm');
    await stack.platform.app.workflowRuntime.drain();

    // when the provincial admin opens the dossier procedure in the designer and makes the reading period 5 working days
    const province = await signInWithSession(browser.context, stack.url, 'admin.tinh', stack.password, '/designer');
    province.on('dialog', (dialog) => void dialog.accept());
    await province.getByTestId('picker-procedure').selectOption(`${KEY}|`);
    await expect.poll(() => province.getByTestId('picker-version').locator('option').count()).toBeGreaterThan(0);
    const before = await importCount(province);
    await province.getByTestId('picker-open').click();
    await waitForImport(province, before);
    await province.click('.djs-element[data-element-id=Timer_ReadingPeriod]');
    await openGroup(province, 'group-timer');
    await setEntry(province, 'timerEventDefinitionValue', '=add working days(now(), 5)');
    await expect.poll(() => province.getByTestId('unsaved').count()).toBe(1);
    await province.screenshot({ path: `${ARTIFACTS}/designer-province-deadline.png`, fullPage: true });
    await province.getByTestId('validate-server').click();
    await expect.poll(() => province.getByTestId('deploy-result').innerText(), { timeout: 30_000 }).toContain('Máy chủ chấp nhận');
    await deployFromPage(province, 'Đã triển khai compulsory-dossier phiên bản');
    expect(await province.getByTestId('unsaved').count()).toBe(0);
    await province.screenshot({ path: `${ARTIFACTS}/designer-province-deployed.png`, fullPage: true });

    // then the province's version carries the new reading period
    const provinceLine = await (await as('admin.tinh')).call<{ items: { id: string; version: number }[] }>('GET', `/api/definitions?key=${KEY}&jurisdictionCode=99`);
    expect(provinceLine.items).toHaveLength(1);

    // when the district 991 admin creates a variant with an extra review step added in the modeler
    const district = await signInWithSession(browser.context, stack.url, 'admin.huyen1', stack.password, '/designer');
    district.on('dialog', (dialog) => void dialog.accept());
    await district.getByTestId('variant-parent').selectOption(KEY);
    await district.getByTestId('variant-jurisdiction').fill('991');
    await district.getByTestId('variant-name').fill('Hồ sơ bắt buộc – huyện Sông Xanh (rà soát sớm)');
    const beforeVariant = await importCount(district).catch(() => 0);
    await district.getByTestId('variant-start').click();
    await district.locator('[data-testid=bpmn-designer]').waitFor({ timeout: 20_000 });
    await waitForImport(district, beforeVariant);
    await dropTaskOnFlow(district, 'Flow_OpenDossier_VerifyResidence');
    const added = district.locator('.djs-element.selected.djs-shape');
    await expect.poll(() => added.count()).toBe(1);
    // read the new step's id while it is selected (editing the panel may move the selection)
    const stepId = await added.getAttribute('data-element-id');
    await openGroup(district, 'group-general');
    await setEntry(district, 'name', REVIEW_NAME);
    const form = await openGroup(district, 'group-form');
    await form.locator('[data-entry-id=formType] select').selectOption('camunda-form-linked');
    await setEntry(district, 'formId', 'dossier.review');
    await openGroup(district, 'group-assignmentDefinition');
    await setEntry(district, 'assignmentDefinitionCandidateGroups', 'labour_office:991');
    await setEntry(district, 'taskScheduleDueDate', '=add working days(now(), 2)');

    // then the server check refuses the form it does not know: listed and marked on the new step
    await district.getByTestId('validate-server').click();
    const refused = district.locator(`.qt-problem button[data-rule=server][data-element-id="${stepId}"]`);
    await expect.poll(() => refused.count(), { timeout: 30_000 }).toBe(1);
    expect(await refused.innerText()).toContain('Không có biểu mẫu "dossier.review" trên máy chủ');
    expect(await district.locator(`.djs-element.qt-server-problem[data-element-id="${stepId}"]`).count()).toBe(1);
    await district.screenshot({ path: `${ARTIFACTS}/designer-variant-server-problem.png`, fullPage: true });
    // when the admin clicks the problem, its step is selected and the form corrected
    await refused.click();
    await expect.poll(() => district.locator(`.djs-element.selected[data-element-id="${stepId}"]`).count()).toBe(1);
    await openGroup(district, 'group-form');
    await setEntry(district, 'formId', 'dossier.labour-check');
    await district.screenshot({ path: `${ARTIFACTS}/designer-variant-step.png`, fullPage: true });

    // then the diff against the parent shows the new step before the deploy
    await district.getByTestId('compare-parent').click();
    const addedRow = district.locator('[data-testid=variant-diff] tr[data-kind=added]');
    await expect.poll(() => addedRow.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await district.getByTestId('variant-diff').innerText()).toContain(REVIEW_NAME);
    await district.screenshot({ path: `${ARTIFACTS}/designer-variant-diff.png`, fullPage: true });
    await district.click('[data-tab=process]');
    await deployFromPage(district, 'Đã triển khai biến thể phiên bản');
    await district.getByTestId('variant-back').click();
    await expect.poll(() => district.locator('[data-testid=variant-list] tr[data-jurisdiction="991"]').count()).toBe(1);
    await district.screenshot({ path: `${ARTIFACTS}/designer-variant-list.png`, fullPage: true });

    // when a new case starts in district 991: it runs the variant and the review reaches the district labour office
    const inDistrict = await startCase('99107', '991', '099090100002', 'Trần Văn Biến');
    await complete(inDistrict.instanceId, 'Task_OpenDossier');
    const review = (await openTasks(inDistrict.instanceId)).find((x) => x.name === REVIEW_NAME);
    expect(review?.candidate_groups).toEqual(['labour_office:991']);
    // Monday 03/06/2024 + 2 working days = Wednesday 05/06/2024
    expect(new Date(new Date(review!.due_at!).getTime() + 7 * 3_600_000).toISOString().slice(0, 10)).toBe('2024-06-05');
    const reviewer = await signInWithSession(browser.context, stack.url, 'ldtbxh.huyen1', stack.password, '/tasks?view=groups');
    await expect.poll(() => reviewer.locator('.task-table').innerText(), { timeout: 15_000 }).toContain(REVIEW_NAME);
    await reviewer.screenshot({ path: `${ARTIFACTS}/variant-review-task.png`, fullPage: true });
    const otherDistrict = await (await as('ldtbxh.huyen2')).call<{ items: OpenTask[] }>('GET', '/api/tasks?view=groups&limit=200');
    expect(otherDistrict.items.some((x) => x.name === REVIEW_NAME)).toBe(false);

    // and a new case in district 992 runs the province's version: the reading period is now 5 working days
    const elsewhere = await startCase('99201', '992', '099090100003', 'Phạm Văn Tỉnh');
    expect(elsewhere.definitionId).toBe(provinceLine.items[0].id);
    await complete(elsewhere.instanceId, 'Task_OpenDossier');
    for (const id of ['Task_VerifyResidence', 'Task_FamilyConsent']) await complete(elsewhere.instanceId, id);
    await complete(elsewhere.instanceId, 'Task_InterimDecision', { interimMode: 'family' });
    for (const id of ['Task_CaseSummaryCv', 'Task_Statement', 'Task_Proposal', 'Task_Notice']) await complete(elsewhere.instanceId, id);
    await stack.platform.app.workflowRuntime.drain();
    const { items: jobs } = await (await as('admin.tinh')).call<{ items: { instance_id: string; element_id: string; due_at: string }[] }>('GET', '/api/admin/jobs?limit=200');
    const reading = jobs.find((j) => j.instance_id === elsewhere.instanceId && j.element_id === 'Timer_ReadingPeriod');
    // Monday 03/06/2024 + 5 working days = Monday 10/06/2024 (3 working days would be Thursday 06/06)
    expect(new Date(new Date(reading!.due_at).getTime() + 7 * 3_600_000).toISOString().slice(0, 10)).toBe('2024-06-10');

    // and the case started before the deploys keeps its version: no review step after opening the dossier
    await complete(early.instanceId, 'Task_OpenDossier');
    const earlyTasks = await openTasks(early.instanceId);
    expect(earlyTasks.map((x) => x.element_id)).toContain('Task_VerifyResidence');
    expect(earlyTasks.some((x) => x.name === REVIEW_NAME)).toBe(false);
    expect(earlyTasks.every((x) => x.definition_id === early.definitionId)).toBe(true);
    expect(inDistrict.definitionId).not.toBe(early.definitionId);
  }, 180_000);
});
