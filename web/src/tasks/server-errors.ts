import type { ErrorSchema } from '@rjsf/utils';
import { ApiError } from '../api/api-error';

export interface ServerIssue {
  path: string;
  keyword?: string;
  message: { vi: string; en: string } | string;
}

/** The field-level issues of a FORM_INVALID / VALIDATION_FAILED answer, if any. */
export function issuesOf(error: unknown): ServerIssue[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.details as { issues?: ServerIssue[] } | ServerIssue[] | undefined;
  const list = Array.isArray(details) ? details : details?.issues;
  return Array.isArray(list) ? list.filter((i) => i && typeof i.path === 'string') : [];
}

/**
 * RJSF `extraErrors` from server issues: the JSON pointer `/criteria/craving` becomes
 * `{ criteria: { craving: { __errors: [message] } } }`, so each message shows next to its field.
 */
export function toErrorSchema(issues: ServerIssue[], locale: 'vi' | 'en'): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const issue of issues) {
    const segments = issue.path
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let node = root;
    for (const segment of segments) {
      node[segment] = (node[segment] as Record<string, unknown> | undefined) ?? {};
      node = node[segment] as Record<string, unknown>;
    }
    const text = typeof issue.message === 'string' ? issue.message : (issue.message[locale] ?? issue.message.vi);
    node.__errors = [...((node.__errors as string[] | undefined) ?? []), text];
  }
  return root as ErrorSchema;
}
