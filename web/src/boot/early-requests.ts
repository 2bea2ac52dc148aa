import { withQuery } from '../api/query-string';
import { listStateOf } from '../tasks/task-list-state';

/**
 * The first API requests of a page, started by `boot.ts` — a tiny classic script that index.html
 * runs before the app's bundle has even arrived — and taken over by the API client (`api/client.ts`)
 * when the app asks for the same URL. On `/tasks…` the session check and the first page of the
 * register are then in flight while the app's JavaScript loads and evaluates, instead of after it.
 *
 * Kept free of React and of the API client: it is bundled on its own (see boot-script.plugin.ts).
 */
export interface EarlyRequest {
  /** Path and query, exactly as the API client builds it (`withQuery`). */
  url: string;
  /** `Date.now()` when it was sent. */
  at: number;
  /** The answer; null if the request failed (the client then simply asks again). */
  response: Promise<Response | null>;
  /**
   * Whether an error answer is handed over too. The session check's 401 is the answer the app wants
   * (show the sign-in page); a refused task list is asked again after the sign-in instead.
   */
  keepErrors: boolean;
}

declare global {
  interface Window {
    __qtEarlyRequests?: EarlyRequest[];
  }
}

/** An early answer older than this is not used (the app asks again). */
export const EARLY_MAX_AGE_MS = 10_000;

/** Headers and credentials of the API client's GET requests. */
export const API_GET_INIT: RequestInit = { method: 'GET', headers: { accept: 'application/json' }, credentials: 'same-origin' };

/** The requests the app will make first on `location`: the session check (staff pages) and the register's first page. */
export function earlyUrls(location: { pathname: string; search: string }): { url: string; keepErrors: boolean }[] {
  if (location.pathname === '/public' || location.pathname.startsWith('/public/')) return [];
  const urls = [{ url: '/api/session', keepErrors: true }];
  if (location.pathname === '/tasks' || location.pathname.startsWith('/tasks/')) {
    const { listQuery } = listStateOf(new URLSearchParams(location.search));
    urls.push({ url: withQuery('/api/tasks', { ...listQuery }), keepErrors: false });
  }
  return urls;
}

/** Sends the early requests of `location` and leaves them on `window` for the app. */
export function startEarlyRequests(target: Window, send: typeof fetch = fetch): void {
  target.__qtEarlyRequests = earlyUrls(target.location).map(({ url, keepErrors }) => ({
    url,
    at: Date.now(),
    keepErrors,
    response: send(url, API_GET_INIT).catch(() => null),
  }));
}

/**
 * The early answer for `url`, once (it is removed): null when there is none, it is too old, it failed,
 * or it is an error answer the app should not take. The caller then sends the request itself.
 */
export async function takeEarlyResponse(url: string, target?: Pick<Window, '__qtEarlyRequests'>): Promise<Response | null> {
  const pending = (target ?? (typeof window === 'undefined' ? undefined : window))?.__qtEarlyRequests;
  const index = pending?.findIndex((r) => r.url === url) ?? -1;
  if (!pending || index < 0) return null;
  const [early] = pending.splice(index, 1);
  if (Date.now() - early.at > EARLY_MAX_AGE_MS) return null;
  const response = await early.response;
  if (!response || (!response.ok && !early.keepErrors)) return null;
  return response;
}
