import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { FormFile } from '../../../designer';
import { ErrorBanner } from '../components/error-banner';
import { useDesignerText } from './designer-messages';
import { FormSavePanel } from './form-save-panel';
import { loadReferencedForms } from './server-forms';

interface LoadState {
  loading: boolean;
  loaded: number | null;
  missing: string[];
  error: unknown;
}

const idle: LoadState = { loading: false, loaded: null, missing: [], error: null };

/**
 * The forms of a procedure opened from the server: `load(xml)` fetches the latest version of every
 * form its user tasks reference; `header` says what was loaded; `actions` is the save button.
 */
export function useProcedureForms(initialXml?: string) {
  const dt = useDesignerText();
  const [forms, setForms] = useState<FormFile[]>([]);
  const [state, setState] = useState<LoadState>(idle);
  const latest = useRef(0);

  const load = useCallback(async (xml: string) => {
    const ticket = ++latest.current;
    setForms([]);
    setState({ ...idle, loading: true });
    try {
      const answer = await loadReferencedForms(xml);
      if (ticket !== latest.current) return;
      setForms(answer.forms);
      setState({ ...idle, loaded: answer.forms.length, missing: answer.missing });
    } catch (error) {
      if (ticket === latest.current) setState({ ...idle, error });
    }
  }, []);

  useEffect(() => {
    if (initialXml) void load(initialXml);
    // only the model the editor was opened with
  }, []);

  const header: ReactNode = (
    <div className="designer-forms-status" data-testid="forms-status">
      {state.loading && <p role="status">{dt('forms.loading')}</p>}
      {state.loaded !== null && <p role="status">{dt('forms.loaded', { count: state.loaded })}</p>}
      {state.missing.length > 0 && <p className="hint">{dt('forms.missing', { ids: state.missing.join(', ') })}</p>}
      <ErrorBanner error={state.error} />
    </div>
  );
  const actions = (form: FormFile, replace: (form: FormFile) => void): ReactNode => <FormSavePanel key={form.id} form={form} onSaved={replace} />;
  return { forms, setForms, load, header, actions };
}
