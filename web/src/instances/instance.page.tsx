import { lazy, Suspense } from 'react';
import { useParams } from 'react-router-dom';
import { fetchDefinitionXml, instanceApi, type HistoryEntry, type InstanceDetail } from '../api/endpoints';
import { useSession } from '../auth/session-context';
import { procedureName } from '../cases/procedures';
import { ConfirmButton } from '../components/confirm-button';
import { ErrorBanner } from '../components/error-banner';
import { Spinner } from '../components/spinner';
import { formatDateTime } from '../format/format';
import { useAction, useQuery } from '../hooks/use-query';
import { stateLabel } from '../i18n/state-label';
import { useI18n } from '../i18n/i18n-context';
import { elementStates } from './highlights';
import { historyLabel } from './history-labels';
import { flowNodes, InstanceAdmin } from './instance-admin';

const BpmnViewer = lazy(() => import('../diagram/bpmn-viewer').then((m) => ({ default: m.BpmnViewer })));

/** The instance (with history and open tasks) plus its open incidents when the caller may see them. */
async function loadInstance(id: string, signal: AbortSignal, withIncidents: boolean): Promise<InstanceDetail> {
  const [detail, incidents] = await Promise.all([
    instanceApi.get(id, signal),
    withIncidents ? instanceApi.incidents(signal).then((r) => r.items, () => []) : Promise.resolve([]),
  ]);
  return { ...detail, history: detail.history ?? [], incidents: incidents.filter((i) => i.instance_id === id || i.root_instance_id === id) };
}

/** One running or finished procedure: diagram with completed / active / failed steps, counts, history. */
export default function InstancePage() {
  const { instanceId = '' } = useParams();
  const { t, locale } = useI18n();
  const { can } = useSession();
  const detail = useQuery((signal) => loadInstance(instanceId, signal, can('read', 'Incident')), [instanceId]);
  const xml = useQuery((signal) => fetchDefinitionXml(detail.data!.instance.definition_id, signal), [detail.data?.instance.definition_id], { enabled: Boolean(detail.data) });
  const cancel = useAction(instanceApi.cancel);

  if (detail.loading && !detail.data) return <Spinner />;
  if (detail.error) return <ErrorBanner error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return null;
  const { instance, history, incidents } = detail.data;
  const states = elementStates(history, incidents ?? []);
  const openTasks = (detail.data.tasks ?? []).map((task) => task.element_id);
  states.active = [...new Set([...states.active, ...openTasks])];
  return (
    <article className="instance-page">
      <h1>{t('instance.title')}</h1>
      <p>
        <strong>{instance.business_key ?? instance.id}</strong> · {procedureName(instance.definition_key, locale)} · {t('instance.state', { state: stateLabel(t, instance.state) })}
      </p>
      <p role="status" data-testid="instance-counts">
        {t('instance.counts', { completed: states.completed.length, active: states.active.length, failed: states.failed.length })}
      </p>
      {can('cancel', 'Instance') && instance.state === 'active' ? (
        <div>
          <ErrorBanner error={cancel.error} />
          <ConfirmButton
            question={t('instance.cancelConfirm')}
            busy={cancel.busy}
            className="danger"
            onConfirm={() => void cancel.execute(instanceId).then((r) => r.ok && detail.reload())}
          >
            {t('instance.cancel')}
          </ConfirmButton>
        </div>
      ) : null}
      {can('modify', 'Instance') && instance.state === 'active' ? (
        <InstanceAdmin instanceId={instanceId} definitionKey={instance.definition_key} definitionId={instance.definition_id} active={states.active} xml={xml.data} onChanged={detail.reload} />
      ) : null}
      {xml.loading ? <Spinner label={t('diagram.loading')} /> : null}
      {xml.error ? <p role="alert">{t('diagram.failed')}</p> : null}
      {xml.data ? (
        <Suspense fallback={<Spinner label={t('diagram.loading')} />}>
          <BpmnViewer xml={xml.data} highlights={states} label={t('task.diagram')} />
        </Suspense>
      ) : null}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('instance.history')}</h2>
        <HistoryTable history={history} names={Object.fromEntries(flowNodes(xml.data).map((n) => [n.id, n.name]))} />
      </section>
    </article>
  );
}

/** The history with names: the server adds the step's name and the actor's name and agency to every row. */
function HistoryTable({ history, names }: { history: HistoryEntry[]; names: Record<string, string> }) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const actor = (h: HistoryEntry) => {
    if (!h.actor) return t('instance.system');
    if (h.actor === 'public') return t('public.title');
    const name = h.actor === user?.id ? `${h.actor_name ?? user.displayName} (${t('tasks.me')})` : (h.actor_name ?? t('instance.system'));
    return h.actor_agency ? `${name} · ${h.actor_agency}` : name;
  };
  if (!history.length) return <p className="muted">{t('person.noEvents')}</p>;
  return (
    <div className="table-scroll">
      <table className="register" data-testid="instance-history">
        <caption className="visually-hidden">{t('instance.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('instance.col.at')}</th>
            <th scope="col">{t('instance.col.event')}</th>
            <th scope="col">{t('tasks.col.step')}</th>
            <th scope="col">{t('instance.col.actor')}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((h, i) => (
            <tr key={h.id ?? i}>
              <td data-label={t('instance.col.at')}>{formatDateTime(h.at ?? h.created_at)}</td>
              <td data-label={t('instance.col.event')}>{historyLabel(h.type, locale)}</td>
              <td data-label={t('tasks.col.step')}>{h.element_name ?? (h.element_id ? (names[h.element_id] ?? h.element_id) : '')}</td>
              <td data-label={t('instance.col.actor')}>{actor(h)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
