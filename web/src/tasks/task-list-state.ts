import { taskApi, type TaskList, type TaskListQuery } from '../api/endpoints';

export type ListView = 'mine' | 'groups' | 'dueSoon' | 'overdue';
export const VIEWS: ListView[] = ['mine', 'groups', 'dueSoon', 'overdue'];
export const PAGE_SIZE = 20;
const DUE_SOON_HOURS = 48;

/** Server query of one of the four lists. */
export function viewQuery(view: ListView): TaskListQuery {
  if (view === 'mine') return { view: 'mine' };
  if (view === 'groups') return { view: 'groups' };
  if (view === 'dueSoon') return { view: 'all', dueWithinHours: DUE_SOON_HOURS, sort: 'due_at' };
  return { view: 'all', overdue: true, sort: 'due_at' };
}

/** The register's state in the URL (`?view=groups&page=2&q=…`): the one place both the page and the prefetch read it. */
export function listStateOf(params: URLSearchParams) {
  const view = (VIEWS as string[]).includes(params.get('view') ?? '') ? (params.get('view') as ListView) : 'mine';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const filters = {
    procedure: params.get('procedure') ?? '',
    commune: params.get('commune') ?? '',
    person: params.get('person') ?? '',
    state: (params.get('state') ?? 'created') as 'created' | 'completed',
    q: params.get('q') ?? '',
    sort: (params.get('sort') ?? '') as '' | 'created_at' | 'due_at' | 'priority',
  };
  const serverFilters: TaskListQuery = {
    state: filters.state,
    ...(filters.procedure ? { definitionKey: filters.procedure } : {}),
    ...(filters.person ? { personId: filters.person } : {}),
    ...(filters.commune ? { communeCode: filters.commune } : {}),
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
  };
  const listQuery: TaskListQuery = { ...viewQuery(view), ...serverFilters, ...(filters.sort ? { sort: filters.sort } : {}), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  return { view, page, filters, serverFilters, listQuery };
}

/**
 * The first page of the register is requested while the app starts — in parallel with the session
 * check and the first render instead of after them (the session cookie goes with it anyway). The
 * page takes the answer once, if it asks for the same query within a few seconds; a refused or
 * failed prefetch (signed out) is simply asked again.
 */
const PREFETCH_MAX_AGE_MS = 10_000;
let prefetched: { key: string; at: number; answer: Promise<TaskList | null> } | null = null;

export function prefetchTaskList(location: { pathname: string; search: string }): void {
  if (location.pathname !== '/tasks' && !location.pathname.startsWith('/tasks/')) return;
  const { listQuery } = listStateOf(new URLSearchParams(location.search));
  prefetched = { key: JSON.stringify(listQuery), at: Date.now(), answer: taskApi.list(listQuery).catch(() => null) };
}

/** The task list for `query`: the start-up answer when it matches (once), else a new request. */
export async function loadTaskList(query: TaskListQuery, signal: AbortSignal): Promise<TaskList> {
  const early = prefetched;
  prefetched = null;
  if (early && early.key === JSON.stringify(query) && Date.now() - early.at < PREFETCH_MAX_AGE_MS) {
    const answer = await early.answer;
    if (answer) return answer;
  }
  return taskApi.list(query, signal);
}
