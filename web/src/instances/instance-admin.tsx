import { useMemo, useState } from 'react';
import { api } from '../api/client';
import { ConfirmButton } from '../components/confirm-button';
import { ErrorBanner } from '../components/error-banner';
import { useAction, useQuery } from '../hooks/use-query';
import { useI18n } from '../i18n/i18n-context';

interface Plan {
  canMigrate: boolean;
  moves: { from: string; to: string }[];
  problems: { elementId?: string | null; message: string }[];
}

/** Flow nodes of a BPMN model (id → name) for the modify form. */
export function flowNodes(xml: string | undefined): { id: string; name: string }[] {
  if (!xml || typeof DOMParser === 'undefined') return [];
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const kinds = /(Task|Event|Gateway|SubProcess|CallActivity)$/i;
  return [...doc.getElementsByTagName('*')]
    .filter((el) => kinds.test(el.localName) && el.getAttribute('id') && el.localName !== 'boundaryEvent')
    .map((el) => ({ id: el.getAttribute('id')!, name: el.getAttribute('name') ?? el.getAttribute('id')! }));
}

/** Admin tools on one instance: move tokens (cancel / start before) and migrate to another version. */
export function InstanceAdmin({ instanceId, definitionKey, definitionId, active, xml, onChanged }: { instanceId: string; definitionKey: string; definitionId: string; active: string[]; xml?: string; onChanged(): void }) {
  const { t } = useI18n();
  const nodes = useMemo(() => flowNodes(xml), [xml]);
  const [cancel, setCancel] = useState('');
  const [startBefore, setStartBefore] = useState('');
  const [target, setTarget] = useState('');
  const [plan, setPlan] = useState<Plan | null>(null);
  const versions = useQuery((signal) => api<{ items: { id: string; version: number }[] }>('GET', `/api/definitions/key/${encodeURIComponent(definitionKey)}/versions`, { signal }), [definitionKey]);
  const modify = useAction((body: { cancel?: string[]; startBefore?: string[] }) => api('POST', `/api/instances/${instanceId}/modify`, { body }));
  const dryRun = useAction((targetDefinitionId: string) => api<Plan>('POST', `/api/instances/${instanceId}/migrate/dry-run`, { body: { targetDefinitionId } }));
  const migrate = useAction((targetDefinitionId: string) => api<Plan>('POST', `/api/instances/${instanceId}/migrate`, { body: { targetDefinitionId } }));
  const label = (id: string) => nodes.find((n) => n.id === id)?.name ?? id;

  return (
    <section className="instance-admin" aria-labelledby="instance-admin-title">
      <h2 id="instance-admin-title">{t('instance.admin')}</h2>
      <div className="stack">
        <h3>{t('instance.modify')}</h3>
        <ErrorBanner error={modify.error} />
        <label>
          {t('instance.cancelElement')}
          <select value={cancel} onChange={(e) => setCancel(e.target.value)}>
            <option value="">—</option>
            {active.map((id) => (
              <option key={id} value={id}>
                {label(id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('instance.startBefore')}
          <select value={startBefore} onChange={(e) => setStartBefore(e.target.value)}>
            <option value="">—</option>
            {nodes.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </select>
        </label>
        <ConfirmButton
          question={t('instance.modifyConfirm')}
          busy={modify.busy}
          onConfirm={() =>
            void modify.execute({ ...(cancel ? { cancel: [cancel] } : {}), ...(startBefore ? { startBefore: [startBefore] } : {}) }).then((r) => {
              if (r.ok) {
                setCancel('');
                setStartBefore('');
                onChanged();
              }
            })
          }
        >
          {t('instance.modifySubmit')}
        </ConfirmButton>
      </div>
      <div className="stack">
        <h3>{t('instance.migrate')}</h3>
        <ErrorBanner error={dryRun.error ?? migrate.error} />
        <label>
          {t('instance.targetVersion')}
          <select value={target} onChange={(e) => { setTarget(e.target.value); setPlan(null); }}>
            <option value="">—</option>
            {(versions.data?.items ?? []).filter((v) => v.id !== definitionId).map((v) => (
              <option key={v.id} value={v.id}>
                v{v.version}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!target || dryRun.busy} aria-busy={dryRun.busy} onClick={() => void dryRun.execute(target).then((r) => r.ok && setPlan(r.value))}>
          {t('instance.dryRun')}
        </button>
        {plan ? (
          <div role="status" className={plan.canMigrate ? 'success' : 'notice'}>
            <p>{plan.canMigrate ? t('instance.canMigrate') : t('instance.cannotMigrate')}</p>
            <ul>
              {plan.moves.map((m) => (
                <li key={m.from}>
                  {label(m.from)} → {m.to}
                </li>
              ))}
              {plan.problems.map((p, i) => (
                <li key={i}>
                  {p.elementId ? <code>{p.elementId}</code> : null} {p.message}
                </li>
              ))}
            </ul>
            {plan.canMigrate ? (
              <ConfirmButton question={t('instance.migrateConfirm')} busy={migrate.busy} onConfirm={() => void migrate.execute(target).then((r) => r.ok && onChanged())}>
                {t('instance.migrateSubmit')}
              </ConfirmButton>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
