import type { Problem } from '../../../designer';
import { ApiError } from '../api/api-error';
import type { ServerProblem } from '../api/endpoints';
import { designerText } from './designer-messages';

type Locale = 'vi' | 'en';

/** Engine messages (English) the page knows how to say in Vietnamese; others are shown as sent. */
const KNOWN: { pattern: RegExp; say(locale: Locale, match: RegExpExecArray): string }[] = [
  { pattern: /^unknown form (.+)$/, say: (locale, m) => designerText(locale, 'problem.unknownForm', { form: m[1] }) },
  { pattern: /^unsupported element (?:bpmn:)?(.+)$/, say: (locale, m) => designerText(locale, 'problem.unsupported', { type: m[1] }) },
  { pattern: /^no process with flow elements in the model$/, say: (locale) => designerText(locale, 'problem.noProcess') },
  { pattern: /^no element (.+) in the target version$/, say: (locale, m) => designerText(locale, 'problem.noElement', { element: m[1] }) },
  { pattern: /^instance is not active$/, say: (locale) => designerText(locale, 'problem.notActive') },
];

/** The text of one server problem in the UI language (bilingual messages pick theirs). */
export function serverProblemText(problem: ServerProblem, locale: Locale): string {
  if (typeof problem.message === 'object' && problem.message) return problem.message[locale] ?? problem.message.en;
  const message = String(problem.message ?? '');
  if (locale === 'en') return message;
  for (const known of KNOWN) {
    const match = known.pattern.exec(message);
    if (match) return known.say(locale, match);
  }
  return message;
}

/**
 * The server's deploy-validation problems as the designer's Problem list (errors, rule `server`),
 * so the problems panel lists them and the diagram marks their elements by id.
 */
export function toDesignerProblems(problems: readonly ServerProblem[], locale: Locale): Problem[] {
  return problems.map((problem) => ({
    id: problem.elementId ?? '',
    message: `${designerText(locale, 'problem.server')}: ${serverProblemText(problem, locale)}`,
    category: 'error',
    rule: 'server',
  }));
}

/** The problems of a DEPLOY_INVALID answer (422), or null for any other error. */
export function problemsOfError(error: unknown): ServerProblem[] | null {
  if (!(error instanceof ApiError) || error.code !== 'DEPLOY_INVALID') return null;
  const problems = (error.details as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(problems) ? problems.filter(isServerProblem) : [];
}

function isServerProblem(value: unknown): value is ServerProblem {
  return typeof value === 'object' && value !== null && 'message' in value;
}

/** "old=new" lines of the migration panel → a mapping; the first bad line is returned as `error`. */
export function parseMapping(text: string): { mapping: Record<string, string>; error: string | null } {
  const mapping: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const match = /^([A-Za-z_][\w.-]*)\s*=\s*([A-Za-z_][\w.-]*)$/.exec(line);
    if (!match) return { mapping, error: line };
    mapping[match[1]] = match[2];
  }
  return { mapping, error: null };
}
