import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorBanner } from '../components/error-banner';
import { Spinner } from '../components/spinner';
import { formatDate } from '../format/format';
import { useQuery } from '../hooks/use-query';
import { useI18n } from '../i18n/i18n-context';
import { IndicatorAdmin } from './indicator-admin';
import { formatIndicator } from './number-format';
import { reportMessages } from './report-messages';
import { reportsApi, type BreakdownRow } from './reports-api';
import { statusText, useWindowParams } from './report-window';
import { TrendChart } from './svg-charts';

type Part = 'value' | 'numerator' | 'denominator';

/** One indicator: value vs target, trend (SVG), table by commune/district, drill-down to the cases. */
export function IndicatorDetailPage() {
  const { code = '' } = useParams();
  const { locale } = useI18n();
  const m = reportMessages[locale];
  const w = useWindowParams();
  const [level, setLevel] = useState<'commune' | 'district'>('commune');
  const [drillAt, setDrillAt] = useState<{ jurisdiction?: string; part: Part } | null>(null);
  const detail = useQuery((signal) => reportsApi.detail(code, { jurisdiction: w.jurisdiction, from: w.from, to: w.to, level, step: '6' }, signal), [code, w.jurisdiction, w.from, w.to, level]);
  const drill = useQuery(
    (signal) => reportsApi.drill(code, { jurisdiction: drillAt?.jurisdiction ?? w.jurisdiction, from: w.from, to: w.to, part: drillAt?.part }, signal),
    [code, drillAt?.jurisdiction, drillAt?.part, w.jurisdiction, w.from, w.to],
    { enabled: drillAt !== null },
  );
  const d = detail.data;
  const ratio = d?.indicator.measure.kind === 'ratio';
  const drillable = d?.indicator.measure.kind !== 'duration';
  const numberCell = (row: BreakdownRow, part: Part, value: number | null | undefined, unit?: string) =>
    drillable ? (
      <button type="button" className="link-button" onClick={() => setDrillAt({ jurisdiction: row.code, part })}>
        {formatIndicator(value ?? null, locale, unit)}
      </button>
    ) : (
      formatIndicator(value ?? null, locale, d?.indicator.unit)
    );

  return (
    <section className="indicator-detail">
      <p>
        <Link to={`/reports${w.query ? `?${w.query}` : ''}`}>{m.back}</Link>
      </p>
      <ErrorBanner error={detail.error} onRetry={detail.reload} />
      {detail.loading && !d ? <Spinner /> : null}
      {d ? (
        <>
          <h1>{d.indicator.name[locale]}</h1>
          <p>
            {m.period}: {formatDate(d.period.from)} – {formatDate(d.period.to)} · {m.scope}: <code>{d.scopePath}</code> · {m.target}:{' '}
            {d.indicator.target ? `${d.indicator.target.op} ${formatIndicator(d.indicator.target.value, locale, d.indicator.unit)}` : '–'} ·{' '}
            <strong>{statusText(m, d.status)}</strong>
          </p>
          <p style={{ fontSize: '2rem', fontWeight: 700, margin: '4px 0' }}>
            {drillable ? (
              <button type="button" className="link-button" style={{ fontSize: 'inherit', fontWeight: 'inherit' }} onClick={() => setDrillAt({ part: ratio ? 'numerator' : 'value' })}>
                {formatIndicator(d.result.value, locale, d.indicator.unit)}
              </button>
            ) : (
              formatIndicator(d.result.value, locale, d.indicator.unit)
            )}
            {ratio ? <span style={{ fontSize: '1rem', fontWeight: 400 }}> ({formatIndicator(d.result.numerator ?? 0, locale)}/{formatIndicator(d.result.denominator ?? 0, locale)})</span> : null}
          </p>
          <h2>{m.trend}</h2>
          <TrendChart points={d.trend} target={d.indicator.target?.value} unit={d.indicator.unit} locale={locale} title={m.trend} />
          <h2>
            <label>
              <select value={level} style={{ width: 'auto', fontSize: '1rem' }} onChange={(e) => setLevel(e.target.value as 'commune' | 'district')}>
                <option value="commune">{m.byCommune}</option>
                <option value="district">{m.byDistrict}</option>
              </select>
            </label>
          </h2>
          <div className="table-scroll">
            <table className="register">
              <thead>
                <tr>
                  <th>{m.scope}</th>
                  <th>{m.value}</th>
                  {ratio ? <th>{m.numerator}</th> : null}
                  {ratio ? <th>{m.denominator}</th> : null}
                </tr>
              </thead>
              <tbody>
                {d.breakdown.map((row) => (
                  <tr key={row.code}>
                    <td>
                      {row.name} <small>({row.code})</small>
                    </td>
                    <td style={{ textAlign: 'right' }}>{numberCell(row, ratio ? 'numerator' : 'value', row.value, d.indicator.unit)}</td>
                    {ratio ? <td style={{ textAlign: 'right' }}>{numberCell(row, 'numerator', row.numerator)}</td> : null}
                    {ratio ? <td style={{ textAlign: 'right' }}>{numberCell(row, 'denominator', row.denominator)}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <IndicatorAdmin key={d.indicator.code} indicator={d.indicator} onChanged={detail.reload} />
        </>
      ) : null}
      {drillAt ? (
        <section>
          <h2>
            {m.casesBehind} {drillAt.jurisdiction ? `– ${drillAt.jurisdiction}` : ''} ({drillAt.part === 'denominator' ? m.denominator : drillAt.part === 'numerator' ? m.numerator : m.value})
          </h2>
          <ErrorBanner error={drill.error} onRetry={drill.reload} />
          {drill.loading ? <Spinner /> : null}
          {drill.data && !drill.data.items.length ? <p>{m.noRows}</p> : null}
          {drill.data?.items.length ? (
            <div className="table-scroll">
              <table className="register">
                <thead>
                  <tr>
                    <th>{m.caseCode}</th>
                    <th>{m.person}</th>
                    <th>{m.scope}</th>
                  </tr>
                </thead>
                <tbody>
                  {drill.data.items.map((r, i) => (
                    <tr key={`${r.personId ?? ''}-${r.caseId ?? i}`}>
                      <td>{r.caseCode ?? '–'}</td>
                      <td>{r.personId ? <Link to={`/cases/persons/${r.personId}`}>{r.personName}</Link> : '–'}</td>
                      <td>
                        <code>{r.scope}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
