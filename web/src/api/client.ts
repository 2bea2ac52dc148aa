import { takeEarlyResponse } from '../boot/early-requests';
import { ApiError, networkError } from './api-error';
import { withQuery, type QueryValue } from './query-string';

/**
 * The one way the web app talks to the server: JSON in and out, cookies for the session, the
 * CSRF token on every state-changing request, and errors turned into ApiError with both languages.
 */
let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

export async function api<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const url = withQuery(path, options.query);
  let response: Response;
  try {
    // The session check and the first task list may already be answered: index.html sent them early.
    const early = method === 'GET' ? await takeEarlyResponse(url) : null;
    options.signal?.throwIfAborted();
    response = early ?? (await fetch(url, { method, headers, body, credentials: 'same-origin', signal: options.signal }));
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw networkError();
  }
  if (response.status === 204) return undefined as T;
  const payload = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as { error?: { code: string; message: { vi: string; en: string }; details?: unknown } } | null)?.error;
    const apiError = error
      ? new ApiError(response.status, error.code, error.message, error.details)
      : new ApiError(response.status, 'HTTP_' + response.status, { vi: `Lỗi máy chủ (${response.status}).`, en: `Server error (${response.status}).` });
    if (response.status === 401 && onUnauthenticated) onUnauthenticated();
    throw apiError;
  }
  return payload as T;
}
