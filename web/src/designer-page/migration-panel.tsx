import { useState } from 'react';
import { definitionApi, type DefinitionRow, type MigrationPlanRow } from '../api/endpoints';
import { ConfirmButton } from '../components/confirm-button';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner } from '../components/error-banner';
import { Spinner } from '../components/spinner';
import { useAction, useQuery } from '../hooks/use-query';
import { useI18n } from '../i18n/i18n-context';
import { whereText } from './definition-picker';
import { useDesignerText, type DesignerText } from './designer-messages';
import { parseMapping, serverProblemText } from './server-problems';

const versionText = (dt: DesignerText, d: DefinitionRow) => `${dt('version.label', { version: d.version })} (${whereText(dt, d.jurisdiction_code)})`;

/** Admins: move the running cases of one version to another — dry run table first, then apply. */
export function MigrationPanel() {
  const dt = useDesignerText();
  const { locale } = useI18n();
  const [key, setKey] = useState('');
  const [sourceId, setSourceId] = useState('');
  const [targetId, setTargetId] = useState('');
  const [mappingText, setMappingText] = useState('');
  const [plan, setPlan] = useState<{ instances: MigrationPlanRow[]; total: number } | null>(null);
  const [result, setResult] = useState<{ migrated: number; failed: number } | null>(null);
  const keys = useQuery((signal) => definitionApi.list({ limit: 200 }, signal), []);
  const versions = useQuery((signal) => definitionApi.list({ key, latestOnly: false, limit: 200 }, signal), [key], { enabled: Boolean(key) });
  const { mapping, error: badLine } = parseMapping(mappingText);
  const body = { targetDefinitionId: targetId, mapping: Object.keys(mapping).length ? mapping : undefined };
  const ready = sourceId && targetId && sourceId !== targetId && !badLine;

  const dryRun = useAction(async () => {
    setResult(null);
    setPlan(await definitionApi.migrationDryRun(sourceId, body));
  });
  const apply = useAction(async () => {
    const answer = await definitionApi.migrationApply(sourceId, body);
    setResult({ migrated: answer.migrated, failed: answer.failed.length });
    setPlan(null);
  });
  const reset = () => {
    setPlan(null);
    setResult(null);
  };
  const movable = plan?.instances.filter((i) => i.canMigrate).length ?? 0;
  const keyOptions = [...new Map((keys.data?.items ?? []).map((d) => [d.key, d.name ?? d.key])).entries()];

  return (
    <section className="designer-migration" aria-label={dt('migration.title')}>
      <h2>{dt('migration.title')}</h2>
      <p className="hint">{dt('migration.hint')}</p>
      <ErrorBanner error={keys.error ?? versions.error} />
      <div className="designer-fields">
        <label>
          {dt('picker.procedure')}
          <select
            value={key}
            data-testid="migration-key"
            onChange={(event) => {
              setKey(event.target.value);
              setSourceId('');
              setTargetId('');
              reset();
            }}
          >
            <option value="">{dt('picker.choose')}</option>
            {keyOptions.map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {(['source', 'target'] as const).map((side) => (
          <label key={side}>
            {dt(`migration.${side}`)}
            <select
              value={side === 'source' ? sourceId : targetId}
              disabled={!versions.data}
              data-testid={`migration-${side}`}
              onChange={(event) => {
                (side === 'source' ? setSourceId : setTargetId)(event.target.value);
                reset();
              }}
            >
              <option value="">{dt('picker.choose')}</option>
              {versions.data?.items.map((d) => (
                <option key={d.id} value={d.id}>
                  {versionText(dt, d)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label>
          {dt('migration.mapping')}
          <textarea rows={2} value={mappingText} onChange={(event) => setMappingText(event.target.value)} data-testid="migration-mapping" />
        </label>
      </div>
      {versions.loading && key ? <Spinner /> : null}
      {sourceId && sourceId === targetId && <p role="alert">{dt('migration.sameVersion')}</p>}
      {badLine && <p role="alert">{dt('migration.badMapping', { line: badLine })}</p>}
      <button type="button" disabled={!ready || dryRun.busy} aria-busy={dryRun.busy} onClick={() => void dryRun.execute()} data-testid="migration-dry-run">
        {dt('migration.dryRun')}
      </button>
      <ErrorBanner error={dryRun.error ?? apply.error} />
      {plan && plan.instances.length === 0 && <EmptyState title={dt('migration.none')} />}
      {plan && plan.instances.length > 0 && (
        <>
          <table className="designer-table" data-testid="migration-plan">
            <thead>
              <tr>
                <th scope="col">{dt('migration.col.case')}</th>
                <th scope="col">{dt('migration.col.result')}</th>
                <th scope="col">{dt('migration.col.problems')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.instances.map((row) => (
                <tr key={row.instanceId} data-instance-id={row.instanceId} data-can-migrate={row.canMigrate}>
                  <td>{row.businessKey ?? <code>{row.instanceId.slice(0, 8)}</code>}</td>
                  <td className={row.canMigrate ? 'ok' : 'failed'}>{row.canMigrate ? dt('migration.can') : dt('migration.cannot')}</td>
                  <td>
                    {row.problems.map((p, i) => (
                      <div key={i}>
                        {serverProblemText(p, locale)} {p.elementId && <code>{p.elementId}</code>}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{`${plan.instances.length} / ${plan.total}`}</p>
          {movable > 0 && (
            <ConfirmButton busy={apply.busy} question={dt('migration.applyConfirm')} onConfirm={() => void apply.execute()}>
              {dt('migration.apply', { count: movable })}
            </ConfirmButton>
          )}
        </>
      )}
      {result && (
        <p role="status" className="designer-result ok" data-testid="migration-result">
          {dt('migration.result', result)}
        </p>
      )}
    </section>
  );
}
