import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { personApi, type Person } from '../api/endpoints';
import { useSession } from '../auth/session-context';
import { ErrorBanner } from '../components/error-banner';
import { Spinner } from '../components/spinner';
import { formatDate } from '../format/format';
import { CASE_DOCUMENTS } from './documents';
import { useAction, useQuery } from '../hooks/use-query';
import { useI18n } from '../i18n/i18n-context';
import { PROCEDURES, procedureName } from './procedures';
import { startProcedureFor } from './start-procedure';
import { Timeline } from './timeline';

/** A person's file: identity, status history, cases, documents, one timeline, start a procedure. */
export default function PersonPage() {
  const { personId = '' } = useParams();
  const { t, locale } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const data = useQuery((signal) => personApi.timeline(personId, signal), [personId]);
  const cases = useQuery((signal) => personApi.cases(personId, signal), [personId]);
  const [procedure, setProcedure] = useState(PROCEDURES[0].key);
  const start = useAction((person: Person, key: string) => startProcedureFor(person, key, locale));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await start.execute(data.data!.person, procedure);
    if (result.ok) navigate(`/instances/${result.value.instanceId}`);
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
          {documentsOf(cases.data?.items ?? []).length ? (
            <ul className="plain">
              {documentsOf(cases.data?.items ?? []).map(({ caseId, code, doc }) => (
                <li key={`${caseId}-${doc.mau}`}>
                  <a href={`/api/cases/${caseId}/documents/${doc.mau}.pdf`} target="_blank" rel="noreferrer">
                    Mẫu {doc.mau} — {doc[locale]}
                  </a>{' '}
                  <span className="muted">({code}, PDF)</span>
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

function documentsOf(cases: { id: string; code: string; procedure_key: string }[]) {
  return cases.flatMap((c) => CASE_DOCUMENTS.filter((d) => d.procedures.includes(c.procedure_key)).map((doc) => ({ caseId: c.id, code: c.code, doc })));
}
