// Types only: this module is also bundled into the early-request script of index.html (boot/), which
// must not pull in the API client or React.
import type { TaskListQuery } from '../api/endpoints';

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
