import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { sessionApi } from '../api/endpoints';
import { useI18n } from '../i18n/i18n-context';
import { formatIndicator } from './number-format';

interface RowError {
  row: number;
  field: string;
  code: string;
  message: { vi: string; en: string };
}
interface ImportRun {
  state: string;
  total: number;
  processed: number;
  imported: number;
}

const TYPES: Record<string, string> = {
  csv: 'text/csv',
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const text = {
  vi: { title: 'Trao đổi dữ liệu đối tượng, hồ sơ', export: 'Xuất', import: 'Nhập tệp (CSV, XLSX, JSON)', dry: 'Chỉ kiểm tra (không ghi)', run: 'Nhập', ok: 'Đã nhập {n} dòng.', checked: 'Hợp lệ: {n} dòng (chưa ghi).', bad: 'Có {n} lỗi, không dòng nào được nhập.', row: 'Dòng', field: 'Cột', message: 'Lỗi' },
  en: { title: 'Exchange persons and cases', export: 'Export', import: 'Import a file (CSV, XLSX, JSON)', dry: 'Dry run (validate only)', run: 'Import', ok: '{n} rows imported.', checked: 'Valid: {n} rows (nothing written).', bad: '{n} errors, nothing imported.', row: 'Row', field: 'Column', message: 'Problem' },
};

/** Export links and an import with dry run, progress (polled) and the bilingual validation report. */
export function ExchangePanel() {
  const { locale } = useI18n();
  const m = text[locale];
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [runId, setRunId] = useState<string | null>(null);
  const [run, setRun] = useState<ImportRun | null>(null);
  const [result, setResult] = useState<{ kind: 'ok' | 'checked' | 'bad'; n: number; errors: RowError[] } | null>(null);

  useEffect(() => {
    if (!runId || result) return;
    const timer = setInterval(() => {
      api<ImportRun>('GET', `/api/exchange/imports/${runId}`).then(setRun).catch(() => undefined);
    }, 500);
    return () => clearInterval(timer);
  }, [runId, result]);

  async function upload() {
    if (!file) return;
    const format = file.name.split('.').pop()?.toLowerCase() ?? '';
    const id = crypto.randomUUID();
    setResult(null);
    setRun(null);
    setRunId(id);
    const { csrfToken } = await sessionApi.get();
    const response = await fetch(`/api/exchange/imports?dryRun=${dryRun}&id=${id}`, {
      method: 'POST', credentials: 'same-origin', body: file,
      headers: { 'content-type': TYPES[format] ?? 'application/octet-stream', 'x-csrf-token': csrfToken, accept: 'application/json' },
    });
    const body = (await response.json().catch(() => null)) as { imported?: number; total?: number; error?: { details?: { errors?: RowError[]; errorCount?: number } } } | null;
    if (response.ok) setResult({ kind: dryRun ? 'checked' : 'ok', n: dryRun ? body?.total ?? 0 : body?.imported ?? 0, errors: [] });
    else setResult({ kind: 'bad', n: body?.error?.details?.errorCount ?? body?.error?.details?.errors?.length ?? 0, errors: body?.error?.details?.errors ?? [] });
  }

  return (
    <section className="exchange-panel" style={{ marginTop: 24 }}>
      <h2>{m.title}</h2>
      <p>
        {m.export}: <a href="/api/exchange/persons?format=csv">CSV</a> · <a href="/api/exchange/persons?format=xlsx">XLSX</a> · <a href="/api/exchange/persons?format=json">JSON</a>
      </p>
      <form
        style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}
        onSubmit={(e) => {
          e.preventDefault();
          void upload();
        }}
      >
        <label>
          {m.import} <input type="file" style={{ width: 'auto' }} accept=".csv,.xlsx,.json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>{' '}
        <label>
          <input type="checkbox" style={{ width: 'auto' }} checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} /> {m.dry}
        </label>{' '}
        <button type="submit" disabled={!file}>{m.run}</button>
      </form>
      {run && !result ? (
        <p>
          <progress max={Math.max(run.total * 2, 1)} value={run.processed + run.imported} /> {formatIndicator(run.processed, locale)} / {formatIndicator(run.total, locale)}
        </p>
      ) : null}
      {result ? <p role="status">{m[result.kind].replace('{n}', formatIndicator(result.n, locale))}</p> : null}
      {result?.errors.length ? (
        <div className="table-scroll">
          <table className="register">
            <thead>
              <tr>
                <th>{m.row}</th>
                <th>{m.field}</th>
                <th>{m.message}</th>
              </tr>
            </thead>
            <tbody>
              {result.errors.slice(0, 200).map((e) => (
                <tr key={`${e.row}-${e.field}-${e.code}`}>
                  <td>{e.row}</td>
                  <td>
                    <code>{e.field}</code>
                  </td>
                  <td>{e.message[locale]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
