import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../api/client';
import { instanceApi, personApi } from '../api/endpoints';
import { useSession } from '../auth/session-context';
import { ErrorBanner } from '../components/error-banner';
import { Spinner } from '../components/spinner';
import { formatDate, formatDateTime } from '../format/format';
import { useAction, useQuery } from '../hooks/use-query';
import { useI18n } from '../i18n/i18n-context';
import { PROCEDURES, procedureName } from './procedures';
import { Timeline } from './timeline';

interface DocumentDto {
  id: string;
  fileName?: string;
  file_name?: string;
  createdAt?: string;
  created_at?: string;
}

/** A person's file: identity, status history, cases, documents, one timeline, start a procedure. */
export default function PersonPage() {
  const { personId = '' } = useParams();
  const { t, locale } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const data = useQuery((signal) => personApi.timeline(personId, signal), [personId]);
  const cases = useQuery((signal) => personApi.cases(personId, signal), [personId]);
  const documents = useQuery((signal) => api<{ items: DocumentDto[] }>('GET', `/api/persons/${personId}/documents`, { signal }).catch(() => ({ items: [] })), [personId]);
  const [procedure, setProcedure] = useState(PROCEDURES[0].key);
  const start = useAction(instanceApi.start);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await start.execute({ definitionKey: procedure, personId });
    if (result.ok) navigate(`/instances/${result.value.id}`);
  }

  if (data.loading && !data.data) return <Spinner />;
  if (data.error) return <ErrorBanner error={data.error} onRetry={data.reload} />;
  if (!data.data) return null;
  const { person, events } = data.data;
  return (
    <article className="person-page">
      <Link to="/cases" className="back-link">
        ← {t('persons.title')}
      </Link>
      <h1>{person.full_name}</h1>
      <dl className="facts">
        <dt>{t('persons.col.dob')}</dt>
        <dd>{formatDate(person.date_of_birth) || '—'}</dd>
        <dt>{t('persons.col.id')}</dt>
        <dd>{person.id_number ?? '—'}</dd>
        <dt>{t('persons.col.commune')}</dt>
        <dd>{person.commune_code}</dd>
        <dt>{t('persons.col.status')}</dt>
        <dd>{person.status ?? '—'}</dd>
      </dl>
      <div className="person-grid">
        <section aria-labelledby="statuses-title">
          <h2 id="statuses-title">{t('person.statuses')}</h2>
          {person.statuses?.length ? (
            <ul className="plain">
              {person.statuses.map((s, i) => (
                <li key={i}>
                  <strong>{s.status}</strong> {t('person.from', { date: formatDate(s.from) })}
                  {s.to ? ` ${t('person.to', { date: formatDate(s.to) })}` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('person.noEvents')}</p>
          )}
          <h2>{t('person.cases')}</h2>
          {cases.loading ? <Spinner /> : null}
          <ul className="plain">
            {(cases.data?.items ?? []).map((c) => (
              <li key={c.id}>
                <strong>{c.code}</strong> — {c.title} <span className="muted">({procedureName(c.procedure_key, locale)}, {c.status})</span>
              </li>
            ))}
          </ul>
          <p>
            <Link to={`/tasks?view=groups&person=${person.id}`}>{t('nav.tasks')}</Link>
          </p>
          <h2>{t('person.documents')}</h2>
          {documents.data?.items.length ? (
            <ul className="plain">
              {documents.data.items.map((d) => (
                <li key={d.id}>
                  <a href={`/api/attachments/${d.id}`} target="_blank" rel="noreferrer">
                    {d.fileName ?? d.file_name ?? d.id}
                  </a>{' '}
                  <span className="muted">{formatDateTime(d.createdAt ?? d.created_at)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('person.noDocuments')}</p>
          )}
          {can('start', 'Instance') ? (
            <form className="stack start-procedure" onSubmit={submit}>
              <h2>{t('person.startProcedure')}</h2>
              <ErrorBanner error={start.error} />
              <label>
                {t('person.procedure')}
                <select value={procedure} onChange={(e) => setProcedure(e.target.value)}>
                  {PROCEDURES.map((p) => (
                    <option key={p.key} value={p.key}>
                      {p[locale]}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="primary" disabled={start.busy} aria-busy={start.busy}>
                {t('person.start')}: {procedureName(procedure, locale)}
              </button>
            </form>
          ) : null}
        </section>
        <section aria-labelledby="timeline-title">
          <h2 id="timeline-title">{t('person.timeline')}</h2>
          <Timeline events={events} />
        </section>
      </div>
    </article>
  );
}
