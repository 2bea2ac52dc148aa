import { useEffect, useRef, useState } from 'react';
import { procedureName } from '../cases/procedures';
import { useI18n } from '../i18n/i18n-context';

export interface TaskFilterValues {
  procedure: string;
  commune: string;
  person: string;
  state: string;
  q: string;
  sort: string;
}

/** Filters of the register; the search box applies after a short pause. */
export function TaskFilters({ filters, procedures, onChange }: { filters: TaskFilterValues; procedures: string[]; onChange(next: Record<string, string>): void }) {
  const { t, locale } = useI18n();
  const [q, setQ] = useState(filters.q);
  const change = useRef(onChange);
  change.current = onChange;
  useEffect(() => {
    if (q === filters.q) return;
    const timer = setTimeout(() => change.current({ q }), 250);
    return () => clearTimeout(timer);
  }, [q, filters.q]);
  return (
    <form className="filters" role="search" aria-label={t('tasks.filters')} onSubmit={(e) => e.preventDefault()}>
      <label className="grow">
        {t('common.search')}
        <input type="search" value={q} placeholder={t('tasks.search')} onChange={(e) => setQ(e.target.value)} />
      </label>
      <label>
        {t('tasks.filter.procedure')}
        <select className="procedure-filter" value={filters.procedure} onChange={(e) => onChange({ procedure: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {[...new Set([...procedures, ...(filters.procedure ? [filters.procedure] : [])])].map((p) => (
            <option key={p} value={p}>
              {procedureName(p, locale)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('tasks.filter.commune')}
        <input value={filters.commune} inputMode="numeric" size={7} onChange={(e) => onChange({ commune: e.target.value.replace(/\D/g, '') })} />
      </label>
      <label>
        {t('tasks.filter.state')}
        <select value={filters.state} onChange={(e) => onChange({ state: e.target.value })}>
          <option value="created">{t('tasks.state.created')}</option>
          <option value="completed">{t('tasks.state.completed')}</option>
        </select>
      </label>
      <label>
        {t('tasks.sort')}
        <select value={filters.sort} onChange={(e) => onChange({ sort: e.target.value })}>
          <option value="">{t('tasks.sort.created')}</option>
          <option value="due_at">{t('tasks.sort.due')}</option>
          <option value="priority">{t('tasks.sort.priority')}</option>
        </select>
      </label>
      {filters.person ? (
        <p className="chip">
          {t('tasks.filter.person')}: {filters.person.slice(0, 8)}…{' '}
          <button type="button" onClick={() => onChange({ person: '' })} aria-label={`${t('common.close')} ${t('tasks.filter.person')}`}>
            ×
          </button>
        </p>
      ) : null}
    </form>
  );
}
