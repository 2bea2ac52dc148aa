import { lazy, Suspense, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { taskApi, type TaskItem } from '../api/endpoints';
import { useSession } from '../auth/session-context';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner } from '../components/error-banner';
import { ErrorBoundary } from '../components/error-boundary';
import { Pagination } from '../components/pagination';
import { Spinner } from '../components/spinner';
import { formatCount } from '../format/format';
import { useQuery } from '../hooks/use-query';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';
import { TaskFilters } from './task-filters';
import { listStateOf, PAGE_SIZE, viewQuery, VIEWS, type ListView } from './task-list-state';
import { TaskTable } from './task-table';
import { TaskTableSkeleton } from './task-table-skeleton';

/** The task page (RJSF, bpmn-js viewer) is its own chunk: the list stays light. */
const TaskDetail = lazy(() => import('./task-detail'));

/** Task register with the four lists, filters, counts and the open task beside it (Camunda Tasklist style). */
export function TaskListPage() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const { taskId } = useParams();
  const [params, setParams] = useSearchParams();
  const { view, page, filters, serverFilters, listQuery } = listStateOf(params);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const filterKey = JSON.stringify(serverFilters);

  const list = useQuery((signal) => taskApi.list(listQuery, signal), [JSON.stringify(listQuery)]);
  // The four counts wait for the list (they compete with it for the server on first paint) and are
  // asked again when the list is (after a claim, another filter or view).
  const counts = useQuery(
    async (signal) => {
      const totals = await Promise.all(VIEWS.map((v) => taskApi.list({ ...viewQuery(v), ...serverFilters, limit: 1 }, signal).then((r) => formatCount(r.total, r.totalCapped ?? false, locale))));
      return Object.fromEntries(VIEWS.map((v, i) => [v, totals[i]])) as Record<ListView, string>;
    },
    [filterKey, list.data, locale],
    { enabled: Boolean(list.data) },
  );

  const [procedures, setProcedures] = useState<string[]>([]);
  const loadedKeys = (list.data?.items ?? []).map((i) => i.definition_key);
  const missingKey = loadedKeys.find((k) => !procedures.includes(k));
  if (missingKey) setProcedures([...new Set([...procedures, ...loadedKeys])].sort());
  // Every filter, the commune and the accent-insensitive search included, runs on the server.
  const items = list.data?.items ?? [];

  function update(next: Record<string, string>) {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) merged.set(k, v);
      else merged.delete(k);
    }
    if (!('page' in next)) merged.delete('page');
    setParams(merged, { replace: true });
  }

  async function act(task: TaskItem, kind: 'claim' | 'unclaim') {
    setBusyId(task.id);
    setActionError(null);
    try {
      await (kind === 'claim' ? taskApi.claim(task.id) : taskApi.unclaim(task.id));
      list.reload();
    } catch (error) {
      setActionError(error);
    } finally {
      setBusyId(null);
    }
  }

  const search = params.toString() ? `?${params.toString()}` : '';
  return (
    <div className={`task-workspace${taskId ? ' has-detail' : ''}`}>
      <section className="task-list-pane" aria-labelledby="tasks-title">
        <h1 id="tasks-title">{t('tasks.title')}</h1>
        <nav aria-label={t('tasks.views')} className="view-tabs">
          {VIEWS.map((v) => (
            <button key={v} type="button" aria-pressed={v === view} className={`view-tab view-${v}`} onClick={() => update({ view: v })}>
              {t(`tasks.view.${v}` as MessageKey)}
              <span className="count" data-testid={`count-${v}`}>
                {counts.data ? counts.data[v] : '…'}
              </span>
            </button>
          ))}
        </nav>
        <TaskFilters filters={filters} procedures={procedures} onChange={update} />
        <ErrorBanner error={actionError} />
        <ErrorBanner error={list.error} onRetry={list.reload} />
        {list.loading && !list.data && !list.error ? <TaskTableSkeleton /> : null}
        {list.data && items.length === 0 ? (
          <EmptyState title={t('tasks.empty')}>
            <p className="muted">{t('tasks.emptyHint')}</p>
          </EmptyState>
        ) : null}
        {items.length > 0 && user ? (
          <div aria-busy={list.loading}>
            <TaskTable items={items} selectedId={taskId} userId={user.id} search={search} busyId={busyId} onClaim={(task) => void act(task, 'claim')} onUnclaim={(task) => void act(task, 'unclaim')} />
          </div>
        ) : null}
        {list.data && list.data.total > PAGE_SIZE ? <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} capped={list.data.totalCapped ?? false} onPage={(p) => update({ page: String(p) })} /> : null}
      </section>
      <section className="task-detail-pane" aria-label={t('task.form')}>
        {taskId ? (
          <ErrorBoundary key={taskId} fallback={(error) => <p role="alert" className="error-banner">{t('task.failed')} {error.message}</p>}>
            <Suspense fallback={<Spinner />}>
              <TaskDetail taskId={taskId} backSearch={search} onChanged={list.reload} />
            </Suspense>
          </ErrorBoundary>
        ) : (
          <EmptyState title={t('tasks.pickOne')} />
        )}
      </section>
    </div>
  );
}
