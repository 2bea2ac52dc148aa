import { formatIndicator } from './number-format';

/** A plain-SVG line chart of a trend with the target as a dashed line (no chart library). */
export function TrendChart(props: { points: { label: string; value: number | null }[]; target?: number | null; unit: string; locale: 'vi' | 'en'; title: string }) {
  const { points, target, unit, locale } = props;
  const width = 640;
  const height = 220;
  const pad = { left: 48, right: 40, top: 16, bottom: 40 };
  const values = points.map((p) => p.value ?? 0);
  const max = Math.max(1, ...values, target ?? 0) * 1.1;
  const x = (i: number) => pad.left + (points.length <= 1 ? 0 : (i * (width - pad.left - pad.right)) / (points.length - 1));
  const y = (v: number) => height - pad.bottom - (v / max) * (height - pad.top - pad.bottom);
  // Periods without data (e.g. a ratio with an empty denominator) break the line instead of reading as 0.
  let pen = 'M';
  const path = points
    .map((p, i) => {
      if (p.value === null) {
        pen = 'M';
        return '';
      }
      const step = `${pen}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
      pen = 'L';
      return step;
    })
    .join(' ');
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.title} className="trend-chart" style={{ width: '100%', maxWidth: width }}>
      <line x1={pad.left} y1={y(0)} x2={width - pad.right} y2={y(0)} stroke="#999" />
      <line x1={pad.left} y1={pad.top} x2={pad.left} y2={y(0)} stroke="#999" />
      <text x={pad.left - 6} y={y(max / 1.1)} textAnchor="end" fontSize="11">{formatIndicator(max / 1.1, locale, unit)}</text>
      <text x={pad.left - 6} y={y(0)} textAnchor="end" fontSize="11">0</text>
      {target !== null && target !== undefined ? (
        <g>
          <line x1={pad.left} y1={y(target)} x2={width - pad.right} y2={y(target)} stroke="#c0392b" strokeDasharray="6 4" />
          <text x={width - pad.right} y={y(target) - 4} textAnchor="end" fontSize="11" fill="#c0392b">{formatIndicator(target, locale, unit)}</text>
        </g>
      ) : null}
      <path d={path} fill="none" stroke="#1f5fa8" strokeWidth="2" />
      {points.map((p, i) => (
        <g key={p.label}>
          {p.value !== null ? (
            <circle cx={x(i)} cy={y(p.value)} r="3.5" fill="#1f5fa8">
              <title>{`${p.label}: ${formatIndicator(p.value, locale, unit)}`}</title>
            </circle>
          ) : null}
          <text x={x(i)} y={height - pad.bottom + 16} textAnchor="middle" fontSize="10">{p.label}</text>
        </g>
      ))}
    </svg>
  );
}

/** Horizontal bars (target vs actual on a card). */
export function ProgressBar(props: { value: number | null; target: number | null | undefined; label: string }) {
  const max = Math.max(props.target ?? 0, props.value ?? 0, 1);
  const pct = Math.min(100, ((props.value ?? 0) / max) * 100);
  const targetPct = props.target ? Math.min(100, (props.target / max) * 100) : null;
  return (
    <svg viewBox="0 0 200 12" className="indicator-bar" role="img" aria-label={props.label} style={{ width: '100%', height: 12 }}>
      <rect x="0" y="2" width="200" height="8" fill="#e6e9ef" rx="3" />
      <rect x="0" y="2" width={pct * 2} height="8" fill="#1f5fa8" rx="3" />
      {targetPct !== null ? <line x1={targetPct * 2} x2={targetPct * 2} y1="0" y2="12" stroke="#c0392b" strokeWidth="2" /> : null}
    </svg>
  );
}
