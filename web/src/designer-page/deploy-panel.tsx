import { useState, type ReactNode } from 'react';
import type { Problem } from '../../../designer';
import { definitionApi } from '../api/endpoints';
import { ConfirmButton } from '../components/confirm-button';
import { ErrorBanner } from '../components/error-banner';
import { useAction } from '../hooks/use-query';
import { useI18n } from '../i18n/i18n-context';
import { useDesignerText } from './designer-messages';
import { problemsOfError, toDesignerProblems } from './server-problems';

export interface DeployPanelProps {
  xml: string;
  /** The server's problems for the problems panel and the diagram ([] clears them). */
  onProblems(problems: Problem[]): void;
  /** Deploys and returns the sentence saying what was deployed; DEPLOY_INVALID answers become problems. */
  deploy(versionTag: string): Promise<string>;
  deployLabel?: string;
  confirm?: string;
  /** Shows the version note input (plain deploys; variants have none). */
  withVersionTag?: boolean;
  children?: ReactNode;
}

/** "Check on the server" and "Deploy" with their answers: problems go to the designer, the result is shown here. */
export function DeployPanel({ xml, onProblems, deploy, deployLabel, confirm, withVersionTag, children }: DeployPanelProps) {
  const dt = useDesignerText();
  const { locale } = useI18n();
  const [versionTag, setVersionTag] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const validate = useAction(async () => {
    setResult(null);
    const answer = await definitionApi.validate(xml);
    onProblems(toDesignerProblems(answer.problems, locale));
    setResult(answer.valid ? { ok: true, text: dt('deploy.valid') } : { ok: false, text: dt('deploy.invalid', { count: answer.problems.length }) });
  });
  const run = useAction(async () => {
    setResult(null);
    try {
      const text = await deploy(versionTag.trim());
      onProblems([]);
      setResult({ ok: true, text });
      setVersionTag('');
    } catch (error) {
      const problems = problemsOfError(error);
      if (!problems) throw error;
      onProblems(toDesignerProblems(problems, locale));
      setResult({ ok: false, text: dt('deploy.invalid', { count: problems.length }) });
    }
  });
  const busy = validate.busy || run.busy;

  return (
    <section className="designer-deploy" aria-label={deployLabel ?? dt('deploy.deploy')}>
      {children}
      {withVersionTag && (
        <label>
          {dt('deploy.versionTag')}
          <input value={versionTag} maxLength={60} onChange={(event) => setVersionTag(event.target.value)} data-testid="version-tag" />
        </label>
      )}
      <button type="button" disabled={busy} aria-busy={validate.busy} onClick={() => void validate.execute()} data-testid="validate-server">
        {validate.busy ? dt('deploy.validating') : dt('deploy.validate')}
      </button>
      <span data-testid="deploy-button">
        <ConfirmButton busy={busy} question={confirm ?? dt('deploy.confirm')} onConfirm={() => void run.execute()}>
          {run.busy ? dt('deploy.deploying') : (deployLabel ?? dt('deploy.deploy'))}
        </ConfirmButton>
      </span>
      {result && (
        <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'designer-result ok' : 'designer-result failed'} data-testid="deploy-result">
          {result.text}
        </p>
      )}
      <ErrorBanner error={validate.error ?? run.error} />
    </section>
  );
}
