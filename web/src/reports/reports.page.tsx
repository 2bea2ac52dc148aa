import { useState } from 'react';
import { Link, Route, Routes } from 'react-router-dom';
import { ErrorBanner } from '../components/error-banner';
import { Spinner } from '../components/spinner';
import { formatDate } from '../format/format';
import { useQuery } from '../hooks/use-query';
import { useI18n } from '../i18n/i18n-context';
import { ExchangePanel } from './exchange-panel';
import { IndicatorDetailPage } from './indicator-detail.page';
import { formatIndicator } from './number-format';
import { ReportGenerator } from './report-generator';
import { reportMessages, type ReportMessages } from './report-messages';
import { statusText, useWindowParams } from './report-window';
import { reportsApi, type IndicatorCard } from './reports-api';
import { ProgressBar } from './svg-charts';

/** /reports: indicator cards (target vs actual), detail pages and the periodic report. */
export default function ReportsPage() {
  return (
    <Routes>
      <Route index element={<Dashboard />} />
      <Route path="indicators/:code" element={<IndicatorDetailPage />} />
    </Routes>
  );
}

function Dashboard() {
  const { locale } = useI18n();
  const m = reportMessages[locale];
  const w = useWindowParams();
  const plans = useQuery((signal) => reportsApi.plans(signal), []);
  const cards = useQuery((signal) => reportsApi.cards({ plan: w.plan, jurisdiction: w.jurisdiction, from: w.from, to: w.to }, signal), [w.plan, w.jurisdiction, w.from, w.to]);
  const [draft, setDraft] = useState({ jurisdiction: w.jurisdiction ?? '', from: w.from ?? '', to: w.to ?? '' });
  const [asTable, setAsTable] = useState(false);

  return (
    <section className="reports-page">
      <style>{'.reports-page form input, .reports-page form select { width: auto; }'}</style>
      <h1>{m.title}</h1>
      <form
        className="filters"
        style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'end' }}
        onSubmit={(e) => {
          e.preventDefault();
          w.set(draft);
        }}
      >
        <label>
          {m.plan}{' '}
          <select value={w.plan ?? ''} onChange={(e) => w.set({ plan: e.target.value })}>
            <option value="">{m.allPlans}</option>
            {plans.data?.items.map((p) => (
              <option key={p.code} value={p.code}>{p.name[locale]}</option>
            ))}
          </select>
        </label>{' '}
        <label>
          {m.jurisdiction} <input value={draft.jurisdiction} size={8} onChange={(e) => setDraft({ ...draft, jurisdiction: e.target.value })} />
        </label>{' '}
        <label>
          {m.from} <input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </label>{' '}
        <label>
          {m.to} <input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </label>{' '}
        <button type="submit">{m.apply}</button>
        <label>
          <input type="checkbox" checked={asTable} onChange={(e) => setAsTable(e.target.checked)} /> {m.tableView}
        </label>
      </form>
      <ErrorBanner error={cards.error ?? plans.error} onRetry={cards.reload} />
      {cards.loading && !cards.data ? <Spinner /> : null}
      {asTable && cards.data ? <IndicatorTable cards={cards.data.items} m={m} locale={locale} query={w.query} /> : null}
      <ul hidden={asTable} className="indicator-cards" style={{ listStyle: 'none', padding: 0, display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))' }}>
        {cards.data?.items.map((c) => <Card key={c.indicator.code} card={c} m={m} locale={locale} query={w.query} />)}
      </ul>
      <ReportGenerator />
      <ExchangePanel />
    </section>
  );
}

function Card({ card, m, locale, query }: { card: IndicatorCard; m: ReportMessages; locale: 'vi' | 'en'; query: string }) {
  const { indicator, result, status } = card;
  const tone = status === 'met' ? '#1e7b34' : status === 'not_met' ? '#b03a2e' : '#555';
  return (
    <li style={{ background: '#fff', border: '1px solid var(--line)', borderRadius: 6, padding: 14 }} data-indicator={indicator.code}>
      <div style={{ fontWeight: 600 }}>{indicator.name[locale]}</div>
      <div style={{ fontSize: '0.85rem', color: '#555' }}>
        {m.period}: {formatDate(card.period.from)} – {formatDate(card.period.to)}
      </div>
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 8, margin: '8px 0' }}>
        <Link to={`indicators/${encodeURIComponent(indicator.code)}${query ? `?${query}` : ''}`} style={{ fontSize: '1.8rem', fontWeight: 700 }} title={m.details}>
          {formatIndicator(result.value, locale, indicator.unit)}
        </Link>
        {indicator.unit !== 'percent' ? <span>{m.units[indicator.unit]}</span> : null}
        {result.denominator !== undefined ? (
          <span style={{ color: '#555' }}>({formatIndicator(result.numerator ?? 0, locale)}/{formatIndicator(result.denominator, locale)})</span>
        ) : null}
      </div>
      <ProgressBar value={result.value} target={indicator.target?.value} label={`${m.actual} / ${m.target}`} />
      <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: '0.85rem', marginTop: 4 }}>
        <span>
          {m.target}: {indicator.target ? `${indicator.target.op} ${formatIndicator(indicator.target.value, locale, indicator.unit)}` : '–'}
        </span>
        <strong style={{ color: tone }}>{statusText(m, status)}</strong>
      </div>
    </li>
  );
}

/** The same values as a table (no map, no chart): one row per indicator. */
function IndicatorTable({ cards, m, locale, query }: { cards: IndicatorCard[]; m: ReportMessages; locale: 'vi' | 'en'; query: string }) {
  return (
    <div className="table-scroll">
      <table className="register">
        <thead>
          <tr>
            <th>{m.plan}</th>
            <th>{m.details}</th>
            <th>{m.period}</th>
            <th>{m.target}</th>
            <th>{m.actual}</th>
            <th>{m.numerator}</th>
            <th>{m.denominator}</th>
            <th>{m.status}</th>
          </tr>
        </thead>
        <tbody>
          {cards.map((c) => (
            <tr key={c.indicator.code}>
              <td>{c.indicator.planCode}</td>
              <td>
                <Link to={`indicators/${encodeURIComponent(c.indicator.code)}${query ? `?${query}` : ''}`}>{c.indicator.name[locale]}</Link>
              </td>
              <td>
                {formatDate(c.period.from)} – {formatDate(c.period.to)}
              </td>
              <td>{c.indicator.target ? `${c.indicator.target.op} ${formatIndicator(c.indicator.target.value, locale, c.indicator.unit)}` : '–'}</td>
              <td style={{ textAlign: 'right' }}>
                {formatIndicator(c.result.value, locale, c.indicator.unit)} {c.indicator.unit !== 'percent' && c.result.value !== null ? m.units[c.indicator.unit] : ''}
              </td>
              <td style={{ textAlign: 'right' }}>{c.result.numerator !== undefined ? formatIndicator(c.result.numerator, locale) : ''}</td>
              <td style={{ textAlign: 'right' }}>{c.result.denominator !== undefined ? formatIndicator(c.result.denominator, locale) : ''}</td>
              <td>{statusText(m, c.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
