import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ListPage } from '../api/endpoints';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner } from '../components/error-banner';
import { Pagination } from '../components/pagination';
import { Spinner } from '../components/spinner';
import { useQuery, type QueryState } from '../hooks/use-query';
import { useI18n } from '../i18n/i18n-context';

export const ADMIN_PAGE_SIZE = 20;

/** What just happened, said in a live region, with an undo button when the action can be reversed. */
export interface Notice {
  text: string;
  undo?: () => void;
}

/** When an edited row closes (saved or cancelled), its Edit button gets the focus back. */
export function useEditFocus(editing: string | null, buttonId: (key: string) => string) {
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (editing) last.current = editing;
    else if (last.current) document.getElementById(buttonId(last.current))?.focus();
  }, [editing, buttonId]);
}

/** One page of a searchable admin list (server-side search and paging). */
export function usePagedAdminList<T>(load: (query: { q?: string; limit: number; offset: number }, signal: AbortSignal) => Promise<ListPage<T>>) {
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');
  const [page, setPage] = useState(1);
  // Search after a short pause in typing, from the first page.
  useEffect(() => {
    const timer = setTimeout(() => {
      setQ(typed.trim());
      setPage(1);
    }, 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const list = useQuery((signal) => load({ ...(q ? { q } : {}), limit: ADMIN_PAGE_SIZE, offset: (page - 1) * ADMIN_PAGE_SIZE }, signal), [q, page]);
  return { q, typed, setTyped, page, setPage, list };
}

/**
 * The frame of an editable admin list: search, the notice of the last change (with undo), errors,
 * a loading state, the empty states (nothing yet / nothing matches), the table and pagination.
 */
export function AdminListFrame<T>({
  searchLabel,
  paged,
  emptyTitle,
  notice,
  error,
  caption,
  headers,
  children,
}: {
  searchLabel: string;
  caption: string;
  /** Column headers; an "Actions" column is added last. */
  headers: string[];
  paged: { q: string; typed: string; setTyped(v: string): void; page: number; setPage(p: number): void; list: QueryState<ListPage<T>> };
  emptyTitle: string;
  notice: Notice | null;
  error: unknown;
  /** The table rows of the page. */
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useI18n();
  const { list } = paged;
  const items = list.data?.items ?? [];
  // After a change that can be undone, the undo button takes the focus (the row's button may be gone).
  const undoRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (notice?.undo) undoRef.current?.focus();
  }, [notice]);
  return (
    <div>
      <div className="filters">
        <label className="grow">
          {searchLabel}
          <input type="search" value={paged.typed} onChange={(e) => paged.setTyped(e.target.value)} />
        </label>
      </div>
      <div role="status" aria-live="polite">
        {notice ? (
          <p className="success">
            {notice.text}{' '}
            {notice.undo ? (
              <button type="button" ref={undoRef} onClick={notice.undo}>
                {t('org.undo')}
              </button>
            ) : null}
          </p>
        ) : null}
      </div>
      <ErrorBanner error={error} />
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {list.loading && !list.data ? <Spinner /> : null}
      {list.data && items.length === 0 ? <EmptyState title={paged.q ? t('org.noMatch') : emptyTitle} /> : null}
      {items.length ? (
        <div className="table-scroll" aria-busy={list.loading}>
          <table className="register">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {[...headers, t('tasks.col.actions')].map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{children(items)}</tbody>
          </table>
        </div>
      ) : null}
      {list.data && list.data.total > ADMIN_PAGE_SIZE ? <Pagination page={paged.page} pageSize={ADMIN_PAGE_SIZE} total={list.data.total} onPage={paged.setPage} /> : null}
    </div>
  );
}

/** The fields of `draft` that differ from `original` (text trimmed; an emptied field becomes null). */
export function changedFields<K extends string>(draft: Record<K, string>, original: Record<K, string | null>): Partial<Record<K, string | null>> {
  const out: Partial<Record<K, string | null>> = {};
  for (const key of Object.keys(draft) as K[]) {
    const value = draft[key].trim();
    if (value !== (original[key] ?? '')) out[key] = value || null;
  }
  return out;
}

/**
 * A row in edit mode: the name (focused first) and the other fields in a form spanning the row, Save
 * and Cancel; Enter saves what changed, Escape cancels, nothing changed = cancel.
 */
export function EditRow<K extends string>({
  columns,
  code,
  draft,
  original,
  setDraft,
  busy,
  onSave,
  onCancel,
  children,
}: {
  columns: number;
  code: string;
  draft: Record<K | 'name', string>;
  original: Record<K | 'name', string | null>;
  setDraft(next: Record<K | 'name', string>): void;
  busy: boolean;
  onSave(changes: Partial<Record<K | 'name', string | null>>): void;
  onCancel(): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  function submit(event: FormEvent) {
    event.preventDefault();
    const changes = changedFields(draft, original);
    if (Object.keys(changes).length) onSave(changes);
    else onCancel();
  }
  return (
    <tr className="editing">
      <td colSpan={columns}>
        <form className="filters" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()} aria-label={t('org.editTitle', { name: original.name ?? code })}>
          <span className="muted">{code}</span>
          <label className="grow">
            {t('admin.col.name')}
            <input ref={first} required maxLength={200} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          </label>
          {children}
          <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
            {t('org.save')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </form>
      </td>
    </tr>
  );
}
