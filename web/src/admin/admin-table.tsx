import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner } from '../components/error-banner';
import { Spinner } from '../components/spinner';
import { formatDateTime } from '../format/format';
import { useQuery } from '../hooks/use-query';
import { useI18n } from '../i18n/i18n-context';

export interface Column {
  key: string;
  label: string;
  render?: (row: Record<string, unknown>) => ReactNode;
}

export interface RowAction {
  label: string;
  /** Path of the POST, e.g. `/api/incidents/:id/retry`. */
  path: (row: Record<string, unknown>) => string;
  visible?: (row: Record<string, unknown>) => boolean;
}

function cell(value: unknown): ReactNode {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value);
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A read-only list of one admin resource with an optional row action (retry …). */
export function AdminTable({ path, query, columns, action, caption }: { path: string; query?: Record<string, string>; columns: Column[]; action?: RowAction; caption: string }) {
  const { t } = useI18n();
  const list = useQuery((signal) => api<{ items: Record<string, unknown>[]; total?: number }>('GET', path, { query, signal }), [path, JSON.stringify(query)]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  async function run(row: Record<string, unknown>) {
    if (!action) return;
    const id = String(row.id);
    setBusy(id);
    setError(null);
    setDone(null);
    try {
      await api('POST', action.path(row));
      setDone(id);
      list.reload();
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(null);
    }
  }

  if (list.loading && !list.data) return <Spinner />;
  if (list.error instanceof ApiError && list.error.status === 404) return <p className="notice">{t('admin.unavailable')}</p>;
  if (list.error) return <ErrorBanner error={list.error} onRetry={list.reload} />;
  const items = list.data?.items ?? [];
  return (
    <div>
      <ErrorBanner error={error} />
      {done ? (
        <p role="status" className="success">
          {t('admin.retried')}
        </p>
      ) : null}
      {items.length === 0 ? (
        <EmptyState title={t('admin.empty')} />
      ) : (
        <div className="table-scroll">
          <table className="register">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.key} scope="col">
                    {c.label}
                  </th>
                ))}
                {action ? <th scope="col">{t('tasks.col.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((row, i) => (
                <tr key={String(row.id ?? row.code ?? i)}>
                  {columns.map((c) => (
                    <td key={c.key} data-label={c.label}>
                      {c.render ? c.render(row) : cell(row[c.key])}
                    </td>
                  ))}
                  {action ? (
                    <td>
                      {!action.visible || action.visible(row) ? (
                        <button type="button" disabled={busy === String(row.id)} aria-busy={busy === String(row.id)} onClick={() => void run(row)}>
                          {action.label}
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
