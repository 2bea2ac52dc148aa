import { useEffect, useState } from 'react';
import { definitionApi, fetchDefinitionXml, type DefinitionRow } from '../api/endpoints';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner } from '../components/error-banner';
import { Spinner } from '../components/spinner';
import { useAction, useQuery } from '../hooks/use-query';
import { useDesignerText, type DesignerText } from './designer-messages';

/** `key|jurisdiction` of a definition line (the versions of one key deployed for one jurisdiction). */
export const lineOf = (d: Pick<DefinitionRow, 'key' | 'jurisdiction_code'>) => `${d.key}|${d.jurisdiction_code ?? ''}`;

export function whereText(dt: DesignerText, jurisdictionCode: string | null): string {
  return jurisdictionCode ? dt('jurisdiction.code', { code: jurisdictionCode }) : dt('jurisdiction.global');
}

export interface DefinitionPickerProps {
  /** Called with the chosen version and its XML; return false to keep the current model (unsaved changes). */
  onOpen(definition: DefinitionRow, xml: string): void;
  /** Asked before a new model replaces the current one. */
  confirmDiscard(): boolean;
  /** Bumped after a deploy so the lists show the new version. */
  refreshKey: number;
  /** The version being edited (after a deploy: the new one); the picker shows it. */
  current?: DefinitionRow | null;
}

/** Picks a deployed procedure by key + jurisdiction and version, and loads its XML. */
export function DefinitionPicker({ onOpen, confirmDiscard, refreshKey, current }: DefinitionPickerProps) {
  const dt = useDesignerText();
  const [line, setLine] = useState('');
  const [versionId, setVersionId] = useState('');
  useEffect(() => {
    if (!current) return;
    setLine(lineOf(current));
    setVersionId(current.id);
  }, [current]);
  const lines = useQuery((signal) => definitionApi.list({ limit: 200 }, signal), [refreshKey]);
  const [key, jurisdiction] = line.split('|');
  const versions = useQuery(
    (signal) => definitionApi.list({ key, jurisdictionCode: jurisdiction || 'global', latestOnly: false, limit: 200 }, signal),
    [line, refreshKey],
    { enabled: Boolean(line) },
  );
  const open = useAction(async (definition: DefinitionRow) => onOpen(definition, await fetchDefinitionXml(definition.id)));
  const chosen = versions.data?.items.find((v) => v.id === versionId) ?? versions.data?.items[0];

  if (lines.loading && !lines.data) return <Spinner />;
  if (lines.error) return <ErrorBanner error={lines.error} onRetry={lines.reload} />;
  if (!lines.data?.items.length) return <EmptyState title={dt('picker.empty')}>{dt('picker.newProcess')}</EmptyState>;
  return (
    <section className="designer-picker" aria-label={dt('picker.title')}>
      <h2>{dt('picker.title')}</h2>
      <div className="designer-fields">
        <label>
          {dt('picker.procedure')}
          <select
            value={line}
            data-testid="picker-procedure"
            onChange={(event) => {
              setLine(event.target.value);
              setVersionId('');
            }}
          >
            <option value="">{dt('picker.choose')}</option>
            {lines.data.items.map((d) => (
              <option key={lineOf(d)} value={lineOf(d)}>
                {d.name ?? d.key} ({whereText(dt, d.jurisdiction_code)})
              </option>
            ))}
          </select>
        </label>
        <label>
          {dt('picker.version')}
          <select value={chosen?.id ?? ''} data-testid="picker-version" disabled={!versions.data} onChange={(event) => setVersionId(event.target.value)}>
            {versions.data?.items.map((v) => (
              <option key={v.id} value={v.id}>
                {dt('version.label', { version: v.version })}
                {v.version_tag ? ` — ${v.version_tag}` : ''} ({new Date(v.deployed_at).toLocaleDateString('vi-VN')})
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" data-testid="picker-open" disabled={!chosen || open.busy} aria-busy={open.busy} onClick={() => chosen && confirmDiscard() && void open.execute(chosen)}>
          {open.busy ? dt('picker.loadingXml') : dt('picker.open')}
        </button>
      </div>
      {versions.loading && line ? <Spinner /> : null}
      <ErrorBanner error={versions.error ?? open.error} />
      <p className="hint">{dt('picker.newProcess')}</p>
    </section>
  );
}
