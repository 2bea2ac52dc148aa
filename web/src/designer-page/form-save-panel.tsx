import { useState } from 'react';
import type { FormFile } from '../../../designer';
import { formApi, type FormLintProblemRow } from '../api/endpoints';
import { ErrorBanner } from '../components/error-banner';
import { useAction } from '../hooks/use-query';
import { useI18n } from '../i18n/i18n-context';
import { useDesignerText } from './designer-messages';
import { formProblemsOfError, toFormBody, toFormFile } from './server-forms';

export interface FormSavePanelProps {
  form: FormFile;
  /** The stored version (its number) replaces the edited form. */
  onSaved(form: FormFile): void;
}

/** "Save form version": POST /api/forms; says which version was stored (or that nothing changed) and lists the server's problems. */
export function FormSavePanel({ form, onSaved }: FormSavePanelProps) {
  const dt = useDesignerText();
  const { locale } = useI18n();
  const [result, setResult] = useState<{ ok: boolean; text: string; problems: FormLintProblemRow[] } | null>(null);
  const save = useAction(async () => {
    setResult(null);
    try {
      const answer = await formApi.save(toFormBody(form));
      onSaved(toFormFile(answer.form));
      const params = { id: answer.form.id, version: answer.form.version };
      setResult({ ok: true, text: dt(answer.created ? 'forms.saved' : 'forms.unchanged', params), problems: answer.warnings });
    } catch (error) {
      const problems = formProblemsOfError(error);
      if (!problems) throw error;
      setResult({ ok: false, text: dt('forms.invalid', { count: problems.length }), problems });
    }
  });

  return (
    <section className="designer-form-save" aria-label={dt('forms.save')}>
      <button type="button" disabled={save.busy} aria-busy={save.busy} onClick={() => void save.execute()} data-testid="save-form-version">
        {save.busy ? dt('forms.saving') : dt('forms.save')}
      </button>
      {result && (
        <div role={result.ok ? 'status' : 'alert'} className={result.ok ? 'designer-result ok' : 'designer-result failed'} data-testid="form-save-result">
          <p>{result.text}</p>
          {result.problems.length > 0 && (
            <ul>
              {result.problems.map((problem, index) => (
                <li key={index} className={problem.severity}>
                  <code>{problem.code}</code> {problem.path && <code>{problem.path}</code>} {problem.message[locale]}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <ErrorBanner error={save.error} />
    </section>
  );
}
