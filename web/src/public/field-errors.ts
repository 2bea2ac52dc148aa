import { ApiError } from '../api/api-error';

/** `{ field: message }` from a VALIDATION_FAILED / FORM_INVALID answer (first message per field). */
export function fieldErrors(error: unknown, locale: 'vi' | 'en'): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const details = error.details as unknown;
  const list = (Array.isArray(details) ? details : ((details as { issues?: unknown[] } | undefined)?.issues ?? [])) as {
    path?: string;
    params?: { missingProperty?: string };
    message?: string | { vi: string; en: string };
  }[];
  const out: Record<string, string> = {};
  for (const issue of list) {
    const field = issue.params?.missingProperty ?? (issue.path ?? '').split('/').filter(Boolean)[0];
    if (!field || out[field]) continue;
    const text = typeof issue.message === 'object' && issue.message ? issue.message[locale] : issue.message;
    out[field] = text || error.text(locale);
  }
  return out;
}
