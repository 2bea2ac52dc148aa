import { useState } from 'react';
import { definitionApi, variantApi, type VariantRow } from '../api/endpoints';
import { useSession } from '../auth/session-context';
import { ConfirmButton } from '../components/confirm-button';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner } from '../components/error-banner';
import { Spinner } from '../components/spinner';
import { useAction, useQuery } from '../hooks/use-query';
import { useDesignerText } from './designer-messages';

export type VariantAction = { kind: 'edit' | 'rebase'; variant: VariantRow } | { kind: 'create'; key: string; jurisdictionCode: string; name: string };

export interface VariantsPanelProps {
  onAction(action: VariantAction): void;
  busy: boolean;
}

/** The variants the user may see, the "parent has a newer version" warning, (de)activation, and a new variant. */
export function VariantsPanel({ onAction, busy }: VariantsPanelProps) {
  const dt = useDesignerText();
  const list = useQuery((signal) => variantApi.list({}, signal), []);
  const toggle = useAction(async (variant: VariantRow) => {
    await variantApi.setActive(variant.id, !variant.active);
    list.reload();
  });

  return (
    <section className="designer-variants" aria-label={dt('variants.title')}>
      <h2>{dt('variants.title')}</h2>
      {list.loading && !list.data ? <Spinner /> : null}
      <ErrorBanner error={list.error ?? toggle.error} onRetry={list.error ? list.reload : undefined} />
      {list.data && list.data.items.length === 0 && <EmptyState title={dt('variants.empty')} />}
      {list.data && list.data.items.length > 0 && (
        <table className="designer-table" data-testid="variant-list">
          <thead>
            <tr>
              <th scope="col">{dt('variants.col.procedure')}</th>
              <th scope="col">{dt('variants.col.jurisdiction')}</th>
              <th scope="col">{dt('variants.col.version')}</th>
              <th scope="col">{dt('variants.col.parent')}</th>
              <th scope="col">{dt('variants.col.status')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((v) => (
              <tr key={v.id} data-variant-id={v.id} data-key={v.key} data-jurisdiction={v.jurisdictionCode}>
                <td>{v.name}</td>
                <td>
                  {v.jurisdictionName ?? v.jurisdictionCode} <code>{v.jurisdictionCode}</code>
                </td>
                <td>{v.version === null ? '—' : dt('version.label', { version: v.version })}</td>
                <td>
                  {v.parentVersion === null ? '—' : dt('version.label', { version: v.parentVersion })}
                  {v.parentHasNewer && (
                    <span className="badge warn" role="note" data-testid="parent-newer">
                      {dt('variants.parentNewer', { version: v.latestParentVersion ?? '?' })}
                    </span>
                  )}
                </td>
                <td>{v.active ? dt('variants.active') : dt('variants.inactive')}</td>
                <td className="actions">
                  <button type="button" disabled={busy || !v.definitionId} onClick={() => onAction({ kind: 'edit', variant: v })} data-action="edit">
                    {dt('variants.edit')}
                  </button>
                  {v.parentHasNewer && (
                    <button type="button" disabled={busy || !v.definitionId} onClick={() => onAction({ kind: 'rebase', variant: v })} data-action="rebase">
                      {dt('variants.rebase')}
                    </button>
                  )}
                  <ConfirmButton className="secondary" busy={toggle.busy} question={v.active ? dt('variants.deactivateConfirm') : undefined} onConfirm={() => void toggle.execute(v)}>
                    {v.active ? dt('variants.deactivate') : dt('variants.activate')}
                  </ConfirmButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CreateVariantForm busy={busy} onCreate={(key, jurisdictionCode, name) => onAction({ kind: 'create', key, jurisdictionCode, name })} />
    </section>
  );
}

function CreateVariantForm({ onCreate, busy }: { onCreate(key: string, jurisdictionCode: string, name: string): void; busy: boolean }) {
  const dt = useDesignerText();
  const { user } = useSession();
  const [key, setKey] = useState('');
  const [code, setCode] = useState(user?.jurisdiction?.code ?? '');
  const [name, setName] = useState('');
  const keys = useQuery((signal) => definitionApi.list({ limit: 200 }, signal), []);
  const options = [...new Map((keys.data?.items ?? []).map((d) => [d.key, d.name ?? d.key])).entries()];

  return (
    <form
      className="designer-create"
      aria-label={dt('variants.createTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        if (key && code.trim()) onCreate(key, code.trim(), name.trim());
      }}
    >
      <h3>{dt('variants.createTitle')}</h3>
      {keys.loading && !keys.data ? <Spinner /> : null}
      <ErrorBanner error={keys.error} onRetry={keys.reload} />
      <div className="designer-fields">
        <label>
          {dt('variants.parent')}
          <select value={key} required onChange={(event) => setKey(event.target.value)} data-testid="variant-parent">
            <option value="">{dt('picker.choose')}</option>
            {options.map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {dt('variants.jurisdiction')}
          <input value={code} required pattern="[0-9A-Za-z-]+" onChange={(event) => setCode(event.target.value)} data-testid="variant-jurisdiction" />
        </label>
        <label>
          {dt('variants.name')}
          <input value={name} maxLength={200} onChange={(event) => setName(event.target.value)} data-testid="variant-name" />
        </label>
        <button type="submit" className="primary" disabled={busy || !key} data-testid="variant-start">
          {dt('variants.start')}
        </button>
      </div>
    </form>
  );
}
