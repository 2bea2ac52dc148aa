import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { personApi } from '../api/endpoints';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner } from '../components/error-banner';
import { Pagination } from '../components/pagination';
import { Spinner } from '../components/spinner';
import { formatDate } from '../format/format';
import { useQuery } from '../hooks/use-query';
import { useI18n } from '../i18n/i18n-context';

const PAGE_SIZE = 20;

/** A query that looks like an ID number (CCCD/CMND/passport) searches by number, otherwise by name. */
export function searchQueryOf(text: string): { q?: string; idNumber?: string } {
  const trimmed = text.trim();
  if (/^[0-9A-Za-z]{6,20}$/.test(trimmed) && /\d{6,}/.test(trimmed)) return { idNumber: trimmed.toUpperCase() };
  return trimmed ? { q: trimmed } : {};
}

/** Person search: accent-insensitive name or ID number, within the caller's jurisdiction. */
export default function PersonSearchPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const [text, setText] = useState(query);
  const result = useQuery((signal) => personApi.search({ ...searchQueryOf(query), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal), [query, page], { enabled: query.trim() !== '' });

  function submit(event: FormEvent) {
    event.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {});
  }

  return (
    <section>
      <h1>{t('persons.title')}</h1>
      <form role="search" className="filters" onSubmit={submit}>
        <label className="grow">
          {t('persons.query')}
          <input type="search" name="q" value={text} onChange={(e) => setText(e.target.value)} autoFocus />
        </label>
        <button type="submit" className="primary">
          {t('common.search')}
        </button>
      </form>
      <ErrorBanner error={result.error} onRetry={result.reload} />
      {!query ? <p className="muted">{t('persons.prompt')}</p> : null}
      {query && result.loading ? <Spinner /> : null}
      {query && result.data && result.data.items.length === 0 ? <EmptyState title={t('persons.empty')} /> : null}
      {query && result.data && result.data.items.length > 0 ? (
        <>
          <p className="muted" role="status">
            {t('common.total', { n: result.data.total })}
          </p>
          <div className="table-scroll">
            <table className="register">
              <thead>
                <tr>
                  <th scope="col">{t('persons.col.name')}</th>
                  <th scope="col">{t('persons.col.dob')}</th>
                  <th scope="col">{t('persons.col.id')}</th>
                  <th scope="col">{t('persons.col.commune')}</th>
                  <th scope="col">{t('persons.col.status')}</th>
                </tr>
              </thead>
              <tbody>
                {result.data.items.map((p) => (
                  <tr key={p.id}>
                    <td data-label={t('persons.col.name')}>
                      <Link to={`/cases/persons/${p.id}`}>{p.full_name}</Link>
                    </td>
                    <td data-label={t('persons.col.dob')}>{formatDate(p.date_of_birth)}</td>
                    <td data-label={t('persons.col.id')}>{p.id_number ?? '—'}</td>
                    <td data-label={t('persons.col.commune')}>{p.commune_code}</td>
                    <td data-label={t('persons.col.status')}>{p.status ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.data.total > PAGE_SIZE ? <Pagination page={page} pageSize={PAGE_SIZE} total={result.data.total} onPage={(n) => setParams({ q: query, page: String(n) })} /> : null}
        </>
      ) : null}
    </section>
  );
}
