import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadForms } from '../../workflows/index';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { FakeClock } from '../support/clock';
import { describeViolations, seriousViolations } from '../web/support/axe';
import { apiLogin, signInWithSession, startE2ePlatform, type ApiClient, type E2ePlatform } from './support/e2e-platform';

const ARTIFACTS = 'test/artifacts/e2e';
const DAY = 86_400_000;
const examples = new Map(loadForms().map((f) => [f.id, f.examples.valid[0] as Record<string, unknown>]));

/** Which demo user answers each candidate group of the 2022 flow in commune 99107 / district 991. */
const USER_OF_GROUP: Record<string, string> = {
  'people_committee:99107': 'ubnd.cu.xa3',
  'police:99107': 'ca.cu.xa3',
  'labour_office:991': 'ldtbxh.huyen1',
  'court:991': 'toa.huyen1',
  'police:991': 'ca.huyen1',
  'police:99': 'ca.tinh',
  // by the time of the escort the commune has merged into 99130 (2025 structure, province-level escort)
  'police:99130': 'ca.xa1',
  'people_committee:99130': 'ubnd.xa1',
  'rehab_centre:99': 'trungtam',
  'health_facility:99': 'yte.tinh',
};

interface OpenTask {
  id: string;
  element_id: string;
  name: string;
  form_key: string | null;
  candidate_groups: string[];
  definition_key: string;
  instance_id: string;
}

describe('e2e: compulsory dossier 2022 — commune opens, labour office returns, court decides, centre admits', () => {
  let stack: E2ePlatform;
  let browser: LaunchedBrowser;
  // the 2022 ruleset is in force for a dossier started in June 2024 (the server picks it by date)
  const clock = new FakeClock('2024-06-03T08:00:00+07:00');
  let clients = new Map<string, ApiClient>();
  const done: string[] = [];
  let personId = '';

  const as = async (username: string) => {
    if (!clients.has(username)) clients.set(username, await apiLogin(stack.url, username, stack.password));
    return clients.get(username)!;
  };
  const advance = async (days: number) => {
    clock.advance(days * DAY);
    clients = new Map(); // sessions expire with the clock
    await stack.platform.app.workflowRuntime.drain();
  };

  /** Moves the clock a working week at a time until `elementId` is open (chained legal windows). */
  async function advanceUntil(elementId: string) {
    for (let week = 0; week < 8; week++) {
      const { items } = await (await as('admin.tinh')).call<{ items: OpenTask[] }>('GET', `/api/tasks?view=all&limit=200&personId=${personId}`);
      if (items.some((x) => x.element_id === elementId)) return;
      await advance(7);
    }
  }

  /** The open task of `elementId` (seen by the provincial admin) and the demo user who should act. */
  async function findTask(elementId: string): Promise<{ task: OpenTask; user: string }> {
    let task: OpenTask | undefined;
    for (let i = 0; i < 40 && !task; i++) {
      await stack.platform.app.workflowRuntime.drain();
      const { items } = await (await as('admin.tinh')).call<{ items: OpenTask[] }>('GET', `/api/tasks?view=all&limit=200&personId=${personId}`);
      task = items.find((x) => x.element_id === elementId);
      if (!task) await new Promise((r) => setTimeout(r, 250));
    }
    if (!task) {
      const { items } = await (await as('admin.tinh')).call<{ items: OpenTask[] }>('GET', `/api/tasks?view=all&limit=200&personId=${personId}`);
      const incidents = await (await as('admin.tinh')).call<{ items: { element_id: string; message: string }[] }>('GET', '/api/admin/incidents');
      const instances = await (await as('admin.tinh')).call<{ items: { definition_key: string; state: string }[] }>('GET', '/api/instances?limit=50');
      const jobs = await (await as('admin.tinh')).call<{ items: { type: string; state: string; due_at: string }[] }>('GET', '/api/admin/jobs');
      throw new Error(`no open ${elementId} at ${clock.now().toISOString()}; open: ${items.map((x) => `${x.element_id} ${x.candidate_groups}`).join(', ')}; incidents: ${JSON.stringify(incidents.items.map((i) => [i.element_id, i.message]))}; instances: ${JSON.stringify(instances.items.map((i) => [i.definition_key, i.state]))}; jobs: ${JSON.stringify(jobs.items.map((j) => [j.type, j.state, j.due_at]))}`);
    }
    const user = task.candidate_groups.map((g) => USER_OF_GROUP[g]).find(Boolean);
    if (!user) throw new Error(`no demo user for ${task.candidate_groups.join(', ')}`);
    return { task, user };
  }

  /** Completes a step through the API as the right user with the form's example data. */
  async function completeByApi(elementId: string, overrides: Record<string, unknown> = {}) {
    const { task, user } = await findTask(elementId);
    const data = { ...(task.form_key ? examples.get(task.form_key.split(':')[0]) : {}), ...overrides };
    await (await as(user)).call('POST', `/api/tasks/${task.id}/complete`, { data });
    done.push(`${elementId} by ${user}`);
  }

  /** Completes a step in the browser as the right user: the data is the form's example, saved as a draft first. */
  async function completeInBrowser(elementId: string, expectedUser: string, overrides: Record<string, unknown> = {}, screenshot?: string, serverDisagrees?: { field: string; value: unknown }) {
    const { task, user } = await findTask(elementId);
    expect(user).toBe(expectedUser);
    const data = { ...(task.form_key ? examples.get(task.form_key.split(':')[0]) : {}), ...overrides };
    await (await as(user)).call('PUT', `/api/tasks/${task.id}/draft`, { data });
    const page = await signInWithSession(browser.context, stack.url, user, stack.password, `/tasks/${task.id}?view=groups`);
    try {
      await page.getByRole('heading', { name: task.name, level: 2 }).waitFor({ timeout: 15_000 });
      await page.locator('.task-detail-pane form').waitFor();
    } catch (error) {
      await page.screenshot({ path: `${ARTIFACTS}/failed-${elementId}.png`, fullPage: true });
      throw new Error(`${elementId} page: ${(await page.locator('body').innerText()).slice(0, 1500)} errors: ${((page as { errors?: string[] }).errors ?? []).join(' | ')}`, { cause: error });
    }
    if (screenshot) await page.screenshot({ path: `${ARTIFACTS}/${screenshot}`, fullPage: true });
    if (elementId === 'Task_OpenDossier') {
      const violations = await seriousViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    }
    if (serverDisagrees) {
      // a client the server disagrees with (stale form, tampered request): the server's field error lands on the field
      const pattern = `**/api/tasks/${task.id}/complete`;
      await page.route(pattern, async (route) => {
        const body = JSON.parse(route.request().postData() ?? '{}') as { data: Record<string, unknown> };
        await route.continue({ postData: JSON.stringify({ ...body, data: { ...body.data, [serverDisagrees.field]: serverDisagrees.value } }) });
      });
      await page.getByRole('button', { name: 'Hoàn thành và chuyển bước tiếp theo' }).click();
      const field = page.locator(`#root_${serverDisagrees.field}`).locator('xpath=ancestor::*[contains(@class,"form-group") or contains(@class,"field")][1]');
      await expect.poll(() => field.locator('.error-detail, .text-danger, [class*=error]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      expect(await page.getByText('Máy chủ không chấp nhận một số trường').isVisible()).toBe(true);
      await page.screenshot({ path: `${ARTIFACTS}/server-field-error.png`, fullPage: true });
      await page.unroute(pattern);
    }
    await page.getByRole('button', { name: 'Hoàn thành và chuyển bước tiếp theo' }).click();
    await page.waitForURL((url) => !url.pathname.includes(task.id), { timeout: 15_000 });
    done.push(`${elementId} by ${user} (browser)`);
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    stack = await startE2ePlatform({}, clock);
    browser = await launchBrowser();
    // the 2022 district police (escort unit) signs in with the demo login ca.huyen1 from the seed
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('should take the dossier from the commune through the labour office (returned once) and the court to admission at the centre', async () => {
    // given a person of commune 99107 (2022 structure) and their case
    const commune = await as('ca.cu.xa3');
    const person = await commune.call<{ id: string }>('POST', '/api/persons', {
      fullName: 'Đặng Văn Quyết', dateOfBirth: '1990-04-12', sex: 'male', idType: 'cccd', idNumber: '099090123456', communeCode: '99107', permanentAddress: 'Thôn Bến, xã Bến Đò',
    });
    personId = person.id;
    const kase = await commune.call<{ id: string }>('POST', '/api/cases', { personId: person.id, procedureKey: 'compulsory-dossier', title: 'Hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc' });
    await commune.call('POST', '/api/instances', {
      definitionKey: 'compulsory-dossier',
      variables: { personId: person.id, caseId: kase.id, communeCode: '99107', districtCode: '991', provinceCode: '99', ruleset: '2022', triggerType: 'SELF_TERMINATED', isMinor: false },
    });

    // when the commune (2022: People's Committee; the police officer registered the person) opens the dossier in the browser
    await completeInBrowser('Task_OpenDossier', 'ubnd.cu.xa3', {}, 'dossier-open.png');
    for (const id of ['Task_VerifyResidence', 'Task_FamilyConsent']) await completeByApi(id);
    await completeByApi('Task_InterimDecision', { interimMode: 'family' });
    for (const id of ['Task_CaseSummaryCv', 'Task_Statement', 'Task_Proposal', 'Task_Notice']) await completeByApi(id);
    await advance(7); // the reading period
    await completeByApi('Task_SendDossier');

    // the labour office returns it for supplement (browser), the commune supplements, the labour office accepts
    await completeInBrowser('Task_LabourCheck', 'ldtbxh.huyen1', { checkResult: 'returned' }, 'labour-office-return.png', { field: 'receivedDate', value: '2024-13-45' });
    await completeByApi('Task_Supplement');
    await completeByApi('Task_LabourCheck', { checkResult: 'valid' });

    // the district court receives, accepts, studies and decides (browser)
    await completeByApi('Task_ReceiveDossier');
    await completeByApi('Task_AcceptAssignJudge', { acceptedAt: clock.now().toISOString() });
    await completeByApi('Task_StudyFile');
    await completeInBrowser('Task_Session', 'toa.huyen1', {}, 'court-session.png');
    await completeByApi('Task_IssueDecision');
    await advanceUntil('Task_PlanEscort'); // the complaint window passes, the decision takes effect

    // the district police escorts, the centre receives and admits (browser)
    await completeByApi('Task_PlanEscort');
    await completeByApi('Task_Handover');
    await completeInBrowser('Task_Intake', 'trungtam', {}, 'centre-intake.png');

    // then the centre's next step is open and the history shows every agency's step
    const { task } = await findTask('Task_Placement');
    expect(task.definition_key).toBe('escort-admission');
    expect(done).toEqual(expect.arrayContaining(['Task_OpenDossier by ubnd.cu.xa3 (browser)', 'Task_LabourCheck by ldtbxh.huyen1 (browser)', 'Task_Supplement by ubnd.cu.xa3', 'Task_Session by toa.huyen1 (browser)', 'Task_Intake by trungtam (browser)']));
    const page = await signInWithSession(browser.context, stack.url, 'admin.tinh', stack.password, `/instances/${task.instance_id}`);
    await page.getByTestId('instance-counts').waitFor();
    await page.locator('.bpmn-canvas[data-state=ready]').waitFor({ timeout: 20_000 });
    expect(await page.locator('.djs-element.hl-active').count()).toBeGreaterThan(0);
    expect(await page.locator('.djs-element.hl-completed').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${ARTIFACTS}/instance-admission.png`, fullPage: true });
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  }, 300_000);
});
