import { useEffect, useState } from 'react';
import { ErrorBanner } from '../components/error-banner';
import { useAction } from '../hooks/use-query';
import { useI18n } from '../i18n/i18n-context';
import { reportMessages } from './report-messages';
import { reportsApi, type ReportRun } from './reports-api';

/** Six-monthly / annual report on demand: a job on the server, progress polled every second. */
export function ReportGenerator() {
  const { locale } = useI18n();
  const m = reportMessages[locale];
  const [kind, setKind] = useState<'half_year' | 'annual'>('half_year');
  const [year, setYear] = useState(new Date().getFullYear());
  const [half, setHalf] = useState<1 | 2>(1);
  const [jurisdiction, setJurisdiction] = useState('99');
  const [run, setRun] = useState<ReportRun | null>(null);
  const start = useAction(() => reportsApi.startReport({ kind, jurisdictionCode: jurisdiction, year, ...(kind === 'half_year' ? { half } : {}) }));

  useEffect(() => {
    if (!run || run.state === 'done' || run.state === 'failed') return;
    const timer = setInterval(() => {
      reportsApi.report(run.id).then(setRun).catch(() => undefined);
    }, 1000);
    return () => clearInterval(timer);
  }, [run]);

  return (
    <section className="report-generator" style={{ marginTop: 24 }}>
      <h2>{m.report}</h2>
      <form
        style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await start.execute();
          if (r.ok) setRun(r.value);
        }}
      >
        <select value={kind} onChange={(e) => setKind(e.target.value as 'half_year' | 'annual')}>
          <option value="half_year">{m.halfYear}</option>
          <option value="annual">{m.annual}</option>
        </select>{' '}
        <label>
          {m.jurisdiction} <input value={jurisdiction} size={8} onChange={(e) => setJurisdiction(e.target.value)} />
        </label>{' '}
        <label>
          {m.year} <input type="number" value={year} min={2000} max={2100} onChange={(e) => setYear(Number(e.target.value))} style={{ width: 80 }} />
        </label>{' '}
        {kind === 'half_year' ? (
          <select value={half} onChange={(e) => setHalf(Number(e.target.value) as 1 | 2)} aria-label={m.half}>
            <option value={1}>{m.firstHalf}</option>
            <option value={2}>{m.secondHalf}</option>
          </select>
        ) : null}{' '}
        <button type="submit" disabled={start.busy || (run !== null && run.state !== 'done' && run.state !== 'failed')}>
          {m.generate}
        </button>
      </form>
      <ErrorBanner error={start.error} />
      {run ? (
        <div style={{ marginTop: 8 }}>
          <progress max={100} value={run.progress} aria-label={m.generating} /> {run.progress} %{' '}
          {run.state === 'done' ? (
            <>
              <a href={`/api/reports/${run.id}/xlsx`}>{m.download} XLSX</a> · <a href={`/api/reports/${run.id}/pdf`}>{m.download} PDF</a>
            </>
          ) : run.state === 'failed' ? (
            <strong>{m.failed}: {run.error}</strong>
          ) : (
            <span>{m.generating}</span>
          )}
        </div>
      ) : null}
    </section>
  );
}
