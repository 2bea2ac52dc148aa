import { useState } from 'react';
import { api } from '../api/client';
import { ErrorBanner } from '../components/error-banner';
import { useAction } from '../hooks/use-query';
import { useI18n } from '../i18n/i18n-context';
import type { IndicatorDefinition } from './reports-api';

const text = {
  vi: {
    definition: 'Định nghĩa chỉ tiêu (dữ liệu JSON: phép đo, chỉ tiêu, kỳ)',
    save: 'Lưu định nghĩa chỉ tiêu',
    saved: 'Đã lưu.',
    invalidJson: 'JSON không hợp lệ.',
    observation: 'Nhập số liệu thủ công',
    commune: 'Mã xã/phường',
    date: 'Ngày',
    value: 'Giá trị',
    note: 'Ghi chú',
    add: 'Ghi nhận số liệu',
  },
  en: {
    definition: 'Indicator definition (JSON data: measure, target, period)',
    save: 'Save the definition',
    saved: 'Saved.',
    invalidJson: 'Invalid JSON.',
    observation: 'Enter a value by hand',
    commune: 'Commune code',
    date: 'Date',
    value: 'Value',
    note: 'Note',
    add: 'Record the value',
  },
};

/** Admins edit the definition as data (the server validates and compiles it); staff enter hand-kept values. */
export function IndicatorAdmin({ indicator, onChanged }: { indicator: IndicatorDefinition & { measure: unknown; description?: unknown; sort?: number }; onChanged: () => void }) {
  const { locale } = useI18n();
  const m = text[locale];
  const { code, ...definition } = indicator;
  const [draft, setDraft] = useState(() => JSON.stringify(definition, null, 2));
  const [done, setDone] = useState(false);
  const [jsonError, setJsonError] = useState(false);
  const save = useAction((body: unknown) => api('PUT', `/api/indicators/${encodeURIComponent(code)}`, { body }));
  const [obs, setObs] = useState({ jurisdictionCode: '', observedOn: '', value: '1', note: '' });
  const add = useAction(() =>
    api('POST', `/api/indicators/${encodeURIComponent(code)}/observations`, {
      body: { jurisdictionCode: obs.jurisdictionCode, observedOn: obs.observedOn, value: Number(obs.value), ...(obs.note ? { note: obs.note } : {}) },
    }),
  );
  const isObservation = JSON.stringify(indicator.measure).includes('"observations"');

  return (
    <section style={{ marginTop: 24 }}>
      {isObservation ? (
        <form
          style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'end' }}
          onSubmit={async (e) => {
            e.preventDefault();
            if ((await add.execute()).ok) onChanged();
          }}
        >
          <strong style={{ width: '100%' }}>{m.observation}</strong>
          <label>
            {m.commune} <input required value={obs.jurisdictionCode} size={8} onChange={(e) => setObs({ ...obs, jurisdictionCode: e.target.value })} />
          </label>
          <label>
            {m.date} <input required type="date" value={obs.observedOn} onChange={(e) => setObs({ ...obs, observedOn: e.target.value })} />
          </label>
          <label>
            {m.value} <input required type="number" step="any" value={obs.value} style={{ width: 80 }} onChange={(e) => setObs({ ...obs, value: e.target.value })} />
          </label>
          <label>
            {m.note} <input value={obs.note} onChange={(e) => setObs({ ...obs, note: e.target.value })} />
          </label>
          <button type="submit" disabled={add.busy}>{m.add}</button>
          <ErrorBanner error={add.error} />
        </form>
      ) : null}
      <details style={{ marginTop: 16 }}>
        <summary>{m.definition}</summary>
        <textarea value={draft} rows={18} style={{ width: '100%', fontFamily: 'monospace' }} onChange={(e) => setDraft(e.target.value)} />
        <button
          type="button"
          disabled={save.busy}
          onClick={async () => {
            setDone(false);
            let body: unknown;
            try {
              body = JSON.parse(draft);
              setJsonError(false);
            } catch {
              setJsonError(true);
              return;
            }
            if ((await save.execute(body)).ok) {
              setDone(true);
              onChanged();
            }
          }}
        >
          {m.save}
        </button>{' '}
        {done ? <span role="status">{m.saved}</span> : null}
        {jsonError ? <span role="alert">{m.invalidJson}</span> : null}
        <ErrorBanner error={save.error} />
      </details>
    </section>
  );
}
