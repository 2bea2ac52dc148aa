import type { Problem } from '../lint/lint-bpmn';
import type { DesignerLocale } from '../i18n/translate.module';
import { uiText } from '../i18n/ui-messages';

export interface ProblemsPanelProps {
  problems: Problem[];
  locale: DesignerLocale;
  /** Called with the element id when a problem is clicked. */
  onSelect(elementId: string): void;
}

/** The lint findings as a list; clicking one selects its element on the diagram. */
export function ProblemsPanel({ problems, locale, onSelect }: ProblemsPanelProps) {
  const errors = problems.filter((p) => p.category === 'error').length;
  const warnings = problems.filter((p) => p.category === 'warn').length;
  return (
    <section className="qt-problems" aria-label={uiText(locale, 'problems.title')}>
      <h2>
        {uiText(locale, 'problems.title')}{' '}
        <span className="qt-problems-count" data-testid="problem-count">
          {uiText(locale, 'problems.count', { errors, warnings })}
        </span>
      </h2>
      {problems.length === 0 ? (
        <p className="qt-problems-none">{uiText(locale, 'problems.none')}</p>
      ) : (
        <ul>
          {problems.map((problem, index) => (
            <li key={`${problem.rule}:${problem.id}:${index}`} className={`qt-problem qt-problem-${problem.category}`}>
              <button
                type="button"
                data-element-id={problem.id}
                data-rule={problem.rule}
                onClick={() => onSelect(problem.id)}
              >
                <span className="qt-problem-category">{uiText(locale, `problems.${problem.category}`)}</span>{' '}
                <span className="qt-problem-message">{problem.message}</span>{' '}
                <code className="qt-problem-element">{problem.id}</code>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
