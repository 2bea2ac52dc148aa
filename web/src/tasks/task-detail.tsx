import Form from '@rjsf/core';
import type { ErrorSchema } from '@rjsf/utils';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { computeOnChange, quyTrinhFormProps, type FormDefinition } from '../../../forms/index';
import { fetchDefinitionXml, taskApi } from '../api/endpoints';
import { ConfirmButton } from '../components/confirm-button';
import { ErrorBanner } from '../components/error-banner';
import { Spinner } from '../components/spinner';
import { formatDateTime } from '../format/format';
import { useQuery } from '../hooks/use-query';
import { useI18n } from '../i18n/i18n-context';
import { DeadlineBadge } from './deadline-badge';
import { createFormContext } from './form-context';
import { PersonSummary } from './person-summary';
import { TaskPeople } from './task-people';
import { issuesOf, toErrorSchema } from './server-errors';

const BpmnViewer = lazy(() => import('../diagram/bpmn-viewer').then((m) => ({ default: m.BpmnViewer })));
const AUTOSAVE_MS = 3000;

/** One task beside the list: its form (draft, auto-save, complete), who else may act, diagram, person. */
export default function TaskDetail({ taskId, backSearch, onChanged }: { taskId: string; backSearch: string; onChanged(): void }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const view = useQuery((signal) => taskApi.get(taskId, signal), [taskId]);
  const [data, setData] = useState<Record<string, unknown>>({});
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [completing, setCompleting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [extraErrors, setExtraErrors] = useState<ErrorSchema | undefined>();
  const [done, setDone] = useState(false);
  const dataRef = useRef(data);
  dataRef.current = data;

  const v = view.data;
  useEffect(() => {
    if (!v) return;
    setData(v.data ?? {});
    setSavedAt(v.draft?.updatedAt ?? null);
  }, [v]);

  const form = v?.form as FormDefinition | null | undefined;
  const mayWork = Boolean(v?.actions.includes('complete'));
  const needsClaim = Boolean(v && !v.task.assignee && v.actions.includes('claim'));
  const structure = v?.variables.ruleset === '2022' ? '2022' : '2025';
  const formProps = useMemo(() => (form ? quyTrinhFormProps(form, locale, { formContext: createFormContext(structure, taskId) }) : null), [form, locale, structure, taskId]);
  const compute = useMemo(() => (form ? computeOnChange(form) : null), [form]);

  async function saveDraft(auto = false) {
    if (!form || !mayWork) return;
    setSaving(true);
    try {
      const result = (await taskApi.saveDraft(taskId, dataRef.current)) as { savedAt?: string } | undefined;
      setSavedAt(result?.savedAt ?? new Date().toISOString());
      setDirty(false);
      if (!auto) setError(null);
    } catch (reason) {
      if (!auto) setError(reason);
    } finally {
      setSaving(false);
    }
  }

  useEffect(() => {
    if (!dirty || !mayWork) return;
    const timer = setTimeout(() => void saveDraft(true), AUTOSAVE_MS);
    return () => clearTimeout(timer);
    // saveDraft reads the latest data through dataRef
  }, [data, dirty, mayWork]);

  async function complete(formData: Record<string, unknown>) {
    setCompleting(true);
    setError(null);
    setExtraErrors(undefined);
    try {
      await taskApi.complete(taskId, formData);
      setDone(true);
      onChanged();
      navigate(`/tasks${backSearch}`, { replace: true, state: { completed: v?.task.name } });
    } catch (reason) {
      const issues = issuesOf(reason);
      if (issues.length) setExtraErrors(toErrorSchema(issues, locale));
      setError(reason);
    } finally {
      setCompleting(false);
    }
  }

  async function claim(kind: 'claim' | 'unclaim') {
    try {
      await (kind === 'claim' ? taskApi.claim(taskId) : taskApi.unclaim(taskId));
      onChanged();
      view.reload();
    } catch (reason) {
      setError(reason);
    }
  }

  if (view.loading && !v) return <Spinner />;
  if (view.error) return <ErrorBanner error={view.error} onRetry={view.reload} />;
  if (!v) return null;
  const task = v.task;
  const personId = typeof v.variables.personId === 'string' ? v.variables.personId : null;

  return (
    <article className="task-detail" aria-labelledby="task-title">
      <Link to={`/tasks${backSearch}`} className="back-link">
        ← {t('common.back')}
      </Link>
      <header className="task-header">
        <h2 id="task-title" tabIndex={-1}>
          {task.name ?? task.element_id}
        </h2>
        <p className="muted">
          {task.business_key ? <span>{task.business_key} · </span> : null}
          {form ? <span>{form.title[locale]}</span> : null}
          {form?.mau ? <span> · {t('task.mau', { mau: form.mau })}</span> : null}
        </p>
        <DeadlineBadge due={task.due_at} daysLeft={task.working_days_left} />
        <div className="task-actions">
          {needsClaim ? (
            <button type="button" onClick={() => void claim('claim')}>
              {t('tasks.claim')}
            </button>
          ) : null}
          {v.actions.includes('unclaim') ? (
            <button type="button" onClick={() => void claim('unclaim')}>
              {t('tasks.unclaim')}
            </button>
          ) : null}
          <Link to={`/instances/${task.instance_id}`}>{t('task.openInstance')}</Link>
        </div>
      </header>
      {done ? (
        <p role="status" className="success">
          {t('task.completed')}
        </p>
      ) : null}
      {!mayWork ? <p className="notice">{needsClaim ? t('task.notYours') : t('task.readOnly')}</p> : null}
      <ErrorBanner error={error} />
      {extraErrors ? (
        <p role="alert" className="field-error">
          {t('task.serverErrors')}
        </p>
      ) : null}
      {form && formProps ? (
        <section aria-label={t('task.form')} className="task-form">
          <Form
            {...formProps}
            formData={data}
            disabled={!mayWork || completing}
            extraErrors={extraErrors}
            onChange={(e) => {
              setData(compute ? compute(e.formData) : (e.formData as Record<string, unknown>));
              setDirty(true);
            }}
            onSubmit={(e) => void complete(compute ? compute(e.formData) : (e.formData as Record<string, unknown>))}
          >
            <div className="form-buttons">
              <button type="button" onClick={() => void saveDraft(false)} disabled={!mayWork || saving} aria-busy={saving}>
                {t('task.saveDraft')}
              </button>
              <span className="muted small" role="status" aria-live="polite">
                {saving ? t('task.draftSaving') : savedAt ? t('task.draftSaved', { time: formatDateTime(savedAt) }) : ''}
              </span>
              <button type="submit" className="primary" disabled={!mayWork || completing} aria-busy={completing}>
                {completing ? t('common.loading') : t('task.complete')}
              </button>
            </div>
          </Form>
        </section>
      ) : (
        <div>
          <p>{t('task.noForm')}</p>
          {mayWork ? (
            <ConfirmButton question={t('task.completeConfirm')} busy={completing} onConfirm={() => void complete({})}>
              {t('task.complete')}
            </ConfirmButton>
          ) : null}
        </div>
      )}
      <section className="task-side" aria-labelledby="who-else">
        <h3 id="who-else">{t('task.whoElse')}</h3>
        <TaskPeople groups={task.candidate_groups} people={v.candidates ?? []} more={Boolean(v.candidatesMore)} />
      </section>
      {personId ? <PersonSummary personId={personId} /> : null}
      <section aria-labelledby="diagram-title">
        <h3 id="diagram-title">{t('task.diagram')}</h3>
        <DiagramForTask definitionId={task.definition_id} activeElement={task.element_id} label={t('task.diagram')} />
      </section>
    </article>
  );
}

function DiagramForTask({ definitionId, activeElement, label }: { definitionId: string; activeElement: string; label: string }) {
  const xml = useQuery((signal) => fetchDefinitionXml(definitionId, signal), [definitionId]);
  const { t } = useI18n();
  if (xml.loading) return <Spinner label={t('diagram.loading')} />;
  if (xml.error || !xml.data) return <p role="alert">{t('diagram.failed')}</p>;
  return (
    <Suspense fallback={<Spinner label={t('diagram.loading')} />}>
      <BpmnViewer xml={xml.data} highlights={{ active: [activeElement] }} label={label} />
    </Suspense>
  );
}
