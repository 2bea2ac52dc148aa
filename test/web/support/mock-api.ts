import type { Page, Route } from 'playwright-core';

/**
 * An in-memory stand-in for the REST API, installed with page.route, so browser tests of the web
 * app run without a database. Shapes follow server/routes/*.ts.
 */
export interface MockTask {
  id: string;
  instance_id: string;
  definition_id: string;
  definition_key: string;
  element_id: string;
  name: string;
  form_key: string | null;
  assignee: string | null;
  candidate_groups: string[];
  candidate_users: string[];
  due_at: string | null;
  created_at: string;
  state: string;
  business_key: string | null;
  scope: string;
  priority: number;
}

export interface MockForm {
  id: string;
  version: number;
  title: { vi: string; en: string };
  mau?: string;
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
  translations?: Record<string, unknown>;
  examples?: { valid?: Record<string, unknown>[] };
}

export interface MockState {
  signedIn: boolean;
  user: Record<string, unknown>;
  rules: { action: string | string[]; subject: string | string[] }[];
  tasks: MockTask[];
  forms: Record<string, MockForm>;
  taskData: Record<string, Record<string, unknown>>;
  /** Answer of POST /api/tasks/:id/complete: undefined = ok, else the issues of a FORM_INVALID. */
  completeIssues?: (taskId: string, data: Record<string, unknown>) => { path: string; keyword: string; message: { vi: string; en: string } }[] | undefined;
  calls: { method: string; path: string; body?: unknown }[];
  publicCode: string;
  /** People who can act, returned with every task view. */
  candidates?: { id: string; displayName: string; agencyName: string | null; agencyCode: string | null }[];
}

export const ME = '11111111-1111-4111-8111-111111111111';

export function defaultState(): MockState {
  return {
    signedIn: false,
    user: {
      id: ME,
      username: 'ca.xa1',
      displayName: 'Nguyễn Văn An',
      email: null,
      locale: 'vi',
      roles: ['staff'],
      agency: { id: 'a1', code: 'CA-99001', name: 'Công an xã Hòa Bình', kind: 'police' },
      jurisdiction: { id: 'j1', code: '99001', name: 'Xã Hòa Bình', path: '/99/99001/', level: 'commune', structure: '2025' },
      candidateGroups: ['police:99001', 'agency:CA-99001'],
      totpEnabled: false,
    },
    rules: [
      { action: ['read', 'claim'], subject: 'Task' },
      { action: ['read', 'create', 'update'], subject: 'Person' },
      { action: 'start', subject: 'Instance' },
      { action: 'read', subject: 'Instance' },
    ],
    tasks: [],
    forms: {},
    taskData: {},
    calls: [],
    publicCode: 'DK-ABCDEFGH',
  };
}

const json = (route: Route, status: number, body: unknown) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
const error = (route: Route, status: number, code: string, vi: string, en: string, details?: unknown) =>
  json(route, status, { error: { code, message: { vi, en }, ...(details ? { details } : {}) } });

export const PERSON = {
  id: '22222222-2222-4222-8222-222222222222',
  full_name: 'Lê Thị Hoà',
  date_of_birth: '1995-03-04',
  sex: 'female',
  id_number: '001095012345',
  commune_code: '99001',
  status: 'addicted',
  statuses: [{ status: 'illegal_user_managed', from: '2025-01-02', to: '2025-06-01' }, { status: 'addicted', from: '2025-06-01' }],
  scope: '/99/99001/',
};

export async function installMockApi(page: Page, state: MockState): Promise<void> {
  await page.route('**/api/**', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const path = url.pathname;
    const method = request.method();
    const body = request.postData() ? (() => { try { return JSON.parse(request.postData()!); } catch { return undefined; } })() : undefined;
    state.calls.push({ method, path, body });

    if (path.startsWith('/api/public/')) {
      if (path === '/api/public/communes') return json(route, 200, { items: [{ code: '99001', name: 'Xã Hòa Bình' }, { code: '99002', name: 'Phường Đông Hà' }] });
      if (path === '/api/public/registrations' && method === 'POST') {
        if (!/^0[35789]\d{8}$/.test(String(body?.phone ?? ''))) {
          return error(route, 400, 'VALIDATION_FAILED', 'Dữ liệu gửi lên không hợp lệ.', 'The request is invalid.', [{ path: '/phone', keyword: 'pattern', message: 'must match pattern' }]);
        }
        return json(route, 201, { code: state.publicCode });
      }
      if (path === '/api/public/reports' && method === 'POST') return json(route, 201, { code: 'TB-ABCDEFGH' });
      if (path.startsWith('/api/public/status/')) return json(route, 200, { code: state.publicCode, kind: 'registration', receivedAt: '2026-03-02T01:00:00.000Z', state: 'active', currentSteps: ['Tiếp nhận đăng ký'] });
    }
    if (path === '/api/session/login' && method === 'POST') {
      if (body?.password !== 'QuyTrinh@2026') return error(route, 401, 'LOGIN_FAILED', 'Sai tên đăng nhập hoặc mật khẩu.', 'Wrong username or password.');
      state.signedIn = true;
      return json(route, 200, { user: state.user, rules: state.rules, csrfToken: 'csrf-1' });
    }
    if (!state.signedIn) return error(route, 401, 'UNAUTHENTICATED', 'Bạn cần đăng nhập.', 'Please sign in.');
    if (method !== 'GET' && request.headers()['x-csrf-token'] !== 'csrf-1') return error(route, 403, 'CSRF_INVALID', 'CSRF', 'CSRF');
    if (path === '/api/session') return json(route, 200, { user: state.user, rules: state.rules, csrfToken: 'csrf-1' });
    if (path === '/api/session/logout' && method === 'POST') {
      state.signedIn = false;
      return route.fulfill({ status: 204 });
    }
    if (path === '/api/session/password' && method === 'POST') {
      if (body?.currentPassword !== 'QuyTrinh@2026') return error(route, 400, 'PASSWORD_WRONG', 'Mật khẩu hiện tại không đúng.', 'The current password is wrong.');
      return route.fulfill({ status: 204 });
    }
    if (path === '/api/tasks' && method === 'GET') return json(route, 200, listTasks(state, url.searchParams));
    const taskMatch = /^\/api\/tasks\/([^/]+)(?:\/(\w+))?$/.exec(path);
    if (taskMatch) {
      const task = state.tasks.find((x) => x.id === taskMatch[1]);
      if (!task) return error(route, 404, 'TASK_NOT_FOUND', 'Không tìm thấy công việc.', 'Task not found.');
      const action = taskMatch[2];
      if (!action) {
        const form = task.form_key ? state.forms[task.form_key] : null;
        const mine = task.assignee === ME;
        return json(route, 200, {
          task,
          form,
          data: state.taskData[task.id] ?? {},
          draft: null,
          variables: { personId: PERSON.id, ruleset: '2025' },
          actions: mine ? ['unclaim', 'saveDraft', 'complete'] : task.assignee ? [] : ['claim', 'saveDraft', 'complete'],
          candidates: state.candidates ?? [],
          candidatesMore: false,
        });
      }
      if (action === 'claim') task.assignee = ME;
      if (action === 'unclaim') task.assignee = null;
      if (action === 'draft') {
        state.taskData[task.id] = body.data;
        return json(route, 200, { savedAt: '2026-03-02T02:00:00.000Z' });
      }
      if (action === 'complete') {
        const issues = state.completeIssues?.(task.id, body.data ?? {});
        if (issues?.length) return error(route, 422, 'FORM_INVALID', 'Biểu mẫu có trường chưa hợp lệ.', 'Some form fields are invalid.', { issues });
        task.state = 'completed';
      }
      return json(route, 200, { ok: true });
    }
    if (path.startsWith('/api/definitions/') && path.endsWith('/xml')) return route.fulfill({ status: 404, contentType: 'application/json', body: '{"error":{"code":"DEFINITION_NOT_FOUND","message":{"vi":"x","en":"x"}}}' });
    if (path === '/api/persons') {
      const q = (url.searchParams.get('q') ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
      const hit = 'le thi hoa'.includes(q) || url.searchParams.get('idNumber') === PERSON.id_number;
      return json(route, 200, { total: hit ? 1 : 0, items: hit ? [PERSON] : [] });
    }
    if (path === `/api/persons/${PERSON.id}`) return json(route, 200, PERSON);
    if (path === `/api/persons/${PERSON.id}/timeline`) {
      return json(route, 200, { person: PERSON, events: [{ at: '2025-06-01', kind: 'status', title: 'addicted' }, { at: '2025-07-01T03:00:00.000Z', kind: 'case', title: 'Hồ sơ đề nghị cai nghiện bắt buộc', detail: { code: 'HS-20250701-ABC123' } }] });
    }
    if (path === '/api/cases') return json(route, 200, { total: 1, items: [{ id: '33333333-3333-4333-8333-333333333333', code: 'HS-20250701-ABC123', person_id: PERSON.id, procedure_key: 'compulsory-dossier', title: 'Hồ sơ đề nghị', status: 'open', created_at: '2025-07-01T03:00:00.000Z' }] });
    if (path === '/api/jurisdictions') return json(route, 200, { items: [{ code: '99', name: 'Tỉnh Thử nghiệm', level: 'province', path: '/99/' }] });
    return error(route, 404, 'ROUTE_NOT_FOUND', 'Không có đường dẫn này.', 'No such route.');
  });
}

function listTasks(state: MockState, params: URLSearchParams) {
  const now = Date.now();
  let items = state.tasks.filter((t) => t.state === (params.get('state') ?? 'created'));
  const view = params.get('view');
  if (view === 'mine') items = items.filter((t) => t.assignee === ME);
  if (view === 'groups') items = items.filter((t) => !t.assignee);
  if (params.get('overdue') === 'true') items = items.filter((t) => t.due_at && Date.parse(t.due_at) < now);
  const within = params.get('dueWithinHours');
  if (within) items = items.filter((t) => t.due_at && Date.parse(t.due_at) >= now && Date.parse(t.due_at) <= now + Number(within) * 3_600_000);
  if (params.get('definitionKey')) items = items.filter((t) => t.definition_key === params.get('definitionKey'));
  const limit = Number(params.get('limit') ?? 50);
  const offset = Number(params.get('offset') ?? 0);
  return { total: items.length, items: items.slice(offset, offset + limit) };
}

let counter = 0;
/** A task row like the engine's (snake_case), due in `dueInDays` calendar days. */
export function mockTask(partial: Partial<MockTask> & { dueInDays?: number | null } = {}): MockTask {
  counter += 1;
  const { dueInDays = 5, ...rest } = partial;
  const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  return {
    id,
    instance_id: `10000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    definition_id: '20000000-0000-4000-8000-000000000001',
    definition_key: 'compulsory-dossier',
    element_id: 'Task_Open',
    name: `Lập hồ sơ ${counter}`,
    form_key: null,
    assignee: null,
    candidate_groups: ['police:99001'],
    candidate_users: [],
    due_at: dueInDays === null ? null : new Date(Date.now() + dueInDays * 86_400_000).toISOString(),
    created_at: new Date(Date.now() - 86_400_000).toISOString(),
    state: 'created',
    business_key: `HS-2026-${String(counter).padStart(4, '0')}`,
    scope: '/99/99001/',
    priority: 50,
    ...rest,
  };
}
