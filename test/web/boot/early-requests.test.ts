import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../web/src/api/client';
import { taskApi } from '../../../web/src/api/endpoints';
import { earlyUrls, startEarlyRequests, takeEarlyResponse, type EarlyRequest } from '../../../web/src/boot/early-requests';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function early(url: string, response: Response | null, overrides: Partial<EarlyRequest> = {}): EarlyRequest {
  return { url, at: Date.now(), response: Promise.resolve(response), keepErrors: false, ...overrides };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('early requests of index.html (boot script)', () => {
  it('should ask for the session and exactly the task list URL the page asks for', async () => {
    // given the page's own request, as the API client would send it
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return json(200, { items: [], total: 0 });
    });
    await taskApi.list({ view: 'all', overdue: true, sort: 'due_at', state: 'created', q: 'nguyen', limit: 20, offset: 20 });
    // when
    const urls = earlyUrls({ pathname: '/tasks/abc', search: '?view=overdue&page=2&q=%20nguyen%20' }).map((u) => u.url);
    // then
    expect(urls).toEqual(['/api/session', fetched[0]]);
  });

  it('should ask only for the session on other staff pages and nothing on public pages', () => {
    expect(earlyUrls({ pathname: '/cases', search: '' }).map((u) => u.url)).toEqual(['/api/session']);
    expect(earlyUrls({ pathname: '/public/register', search: '' })).toEqual([]);
  });

  it('should leave the requests on the window with the API client\'s headers and credentials', async () => {
    // given
    const send = vi.fn(async () => json(200, {}));
    const target = { location: { pathname: '/tasks', search: '?view=groups' } } as unknown as Window;
    // when
    startEarlyRequests(target, send);
    // then
    expect(target.__qtEarlyRequests?.map((r) => r.url)).toEqual(['/api/session', '/api/tasks?view=groups&state=created&limit=20&offset=0']);
    expect(send).toHaveBeenCalledWith('/api/session', { method: 'GET', headers: { accept: 'application/json' }, credentials: 'same-origin' });
  });

  it('should hand an answer over once, and not when it is too old, failed, or refused', async () => {
    // given
    const target = {
      __qtEarlyRequests: [
        early('/api/tasks?a', json(200, { ok: 1 })),
        early('/api/tasks?old', json(200, {}), { at: Date.now() - 60_000 }),
        early('/api/tasks?failed', null),
        early('/api/tasks?refused', json(401, {})),
        early('/api/session', json(401, {}), { keepErrors: true }),
      ],
    };
    // when / then
    expect(await (await takeEarlyResponse('/api/tasks?a', target))?.json()).toEqual({ ok: 1 });
    expect(await takeEarlyResponse('/api/tasks?a', target)).toBeNull();
    expect(await takeEarlyResponse('/api/tasks?old', target)).toBeNull();
    expect(await takeEarlyResponse('/api/tasks?failed', target)).toBeNull();
    expect(await takeEarlyResponse('/api/tasks?refused', target)).toBeNull();
    expect((await takeEarlyResponse('/api/session', target))?.status).toBe(401);
    expect(target.__qtEarlyRequests).toEqual([]);
  });

  it('should let the API client use the early answer instead of asking again, and ask again after it', async () => {
    // given
    const fetch = vi.fn(async () => json(200, { from: 'network' }));
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('window', { __qtEarlyRequests: [early('/api/session', json(200, { from: 'early' }), { keepErrors: true })] });
    // when
    const first = await api('GET', '/api/session');
    const second = await api('GET', '/api/session');
    // then
    expect(first).toEqual({ from: 'early' });
    expect(second).toEqual({ from: 'network' });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('should turn an early 401 of the session into the same signed-out error as a normal request', async () => {
    // given
    vi.stubGlobal('fetch', vi.fn());
    vi.stubGlobal('window', { __qtEarlyRequests: [early('/api/session', json(401, { error: { code: 'UNAUTHENTICATED', message: { vi: 'Chưa đăng nhập.', en: 'Not signed in.' } } }), { keepErrors: true })] });
    // when
    const error = await api('GET', '/api/session').catch((e: unknown) => e);
    // then
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });
});
