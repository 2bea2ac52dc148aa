import type { Page, Route } from 'playwright-core';

/**
 * Mocked organisation administration (server/routes/org.routes.ts) and instance detail for browser
 * tests; installed after installMockApi, it answers its own paths and lets the rest fall through.
 */
export interface MockAgency {
  id: string;
  code: string;
  name: string;
  kind: string;
  candidate_groups: string[];
  jurisdiction_code: string;
  jurisdiction_name: string;
  users_total: number;
  users_active: number;
}

export interface MockJurisdiction {
  id: string;
  code: string;
  name: string;
  level: 'province' | 'district' | 'commune';
  structure: '2022' | '2025';
  path: string;
  parent_code: string | null;
  parent_name: string | null;
  valid_from: string | null;
  valid_to: string | null;
  agencies: number;
}

export interface MockOrgState {
  agencies: MockAgency[];
  jurisdictions: MockJurisdiction[];
  /** Answer of GET /api/instances/:id. */
  instance?: Record<string, unknown>;
}

const json = (route: Route, status: number, body: unknown) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });

export function orgState(): MockOrgState {
  const j = (code: string, name: string, level: MockJurisdiction['level'], parent: [string, string] | null): MockJurisdiction => ({
    id: `j-${code}`, code, name, level, structure: '2025', path: parent ? `/99/${code}/` : '/99/', parent_code: parent?.[0] ?? null, parent_name: parent?.[1] ?? null, valid_from: null, valid_to: null, agencies: 1,
  });
  const jurisdictions = [j('99', 'Tỉnh Thử nghiệm', 'province', null)];
  for (let i = 1; i <= 24; i += 1) jurisdictions.push(j(String(99000 + i), `Xã Số ${i}`, 'commune', ['99', 'Tỉnh Thử nghiệm']));
  const agencies = jurisdictions.slice(1, 4).map((x, i): MockAgency => ({
    id: `a-${i + 1}`, code: `CA-${x.code}`, name: `Công an ${x.name.toLowerCase().replace('xã', 'xã')}`, kind: 'police', candidate_groups: [`police:${x.code}`, `agency:CA-${x.code}`], jurisdiction_code: x.code, jurisdiction_name: x.name, users_total: 2, users_active: 2,
  }));
  return { agencies, jurisdictions };
}

function page<T extends { code: string; name: string }>(items: T[], url: URL) {
  const q = (url.searchParams.get('q') ?? '').toLowerCase();
  const hits = q ? items.filter((x) => x.name.toLowerCase().includes(q) || x.code.toLowerCase().includes(q)) : items;
  const limit = Number(url.searchParams.get('limit') ?? 50);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  return { total: hits.length, items: hits.slice(offset, offset + limit) };
}

/** `calls` receives every request this mock answers (the same list as MockState.calls). */
export async function installMockOrgApi(p: Page, state: MockOrgState, calls: { method: string; path: string; body?: unknown }[]): Promise<void> {
  await p.route('**/api/**', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const path = url.pathname;
    const method = request.method();
    const body = request.postData() ? (JSON.parse(request.postData()!) as Record<string, unknown>) : {};
    const mine = /^\/api\/admin\/(agencies|jurisdictions)/.test(path) || (state.instance && /^\/api\/instances\/[^/]+$/.test(path)) || path === '/api/admin/incidents';
    if (!mine) return route.fallback();
    calls.push({ method, path, ...(request.postData() ? { body } : {}) });
    if (path === '/api/admin/agencies' && method === 'GET') return json(route, 200, page(state.agencies, url));
    if (path === '/api/admin/agencies' && method === 'POST') {
      const place = state.jurisdictions.find((x) => x.code === body.jurisdictionCode);
      if (!place) return json(route, 404, { error: { code: 'JURISDICTION_NOT_FOUND', message: { vi: 'Không tìm thấy đơn vị hành chính.', en: 'Jurisdiction not found.' } } });
      const created: MockAgency = { id: `a-${state.agencies.length + 1}`, code: String(body.code), name: String(body.name), kind: String(body.kind), candidate_groups: [], jurisdiction_code: place.code, jurisdiction_name: place.name, users_total: 0, users_active: 0 };
      state.agencies.push(created);
      return json(route, 201, created);
    }
    const agency = /^\/api\/admin\/agencies\/([^/]+)(?:\/(deactivate|reactivate))?$/.exec(path);
    if (agency) {
      const a = state.agencies.find((x) => x.id === agency[1])!;
      if (agency[2] === 'deactivate') {
        const ids = Array.from({ length: a.users_active }, (_, i) => `u-${a.id}-${i}`);
        a.users_active = 0;
        return json(route, 200, { disabledUserIds: ids });
      }
      if (agency[2] === 'reactivate') {
        const ids = (body.userIds as string[] | undefined) ?? Array.from({ length: a.users_total }, (_, i) => `u-${a.id}-${i}`);
        a.users_active = ids.length;
        return json(route, 200, { enabledUserIds: ids });
      }
      if (typeof body.name === 'string') a.name = body.name;
      if (typeof body.kind === 'string') a.kind = body.kind;
      if (typeof body.jurisdictionCode === 'string') a.jurisdiction_code = body.jurisdictionCode;
      return json(route, 200, a);
    }
    if (path === '/api/admin/jurisdictions' && method === 'GET') return json(route, 200, page(state.jurisdictions, url));
    if (path === '/api/admin/jurisdictions' && method === 'POST') {
      const created: MockJurisdiction = { id: `j-${String(body.code)}`, code: String(body.code), name: String(body.name), level: body.level as MockJurisdiction['level'], structure: body.structure as '2022' | '2025', path: `/99/${String(body.code)}/`, parent_code: (body.parentCode as string) ?? null, parent_name: 'Tỉnh Thử nghiệm', valid_from: (body.validFrom as string) ?? null, valid_to: null, agencies: 0 };
      state.jurisdictions.push(created);
      return json(route, 201, created);
    }
    const place = /^\/api\/admin\/jurisdictions\/([^/]+)$/.exec(path);
    if (place && method === 'PATCH') {
      const j = state.jurisdictions.find((x) => x.code === place[1])!;
      if (typeof body.name === 'string') j.name = body.name;
      if ('validFrom' in body) j.valid_from = body.validFrom as string | null;
      if ('validTo' in body) j.valid_to = body.validTo as string | null;
      return json(route, 200, j);
    }
    if (state.instance && /^\/api\/instances\/[^/]+$/.test(path)) return json(route, 200, state.instance);
    if (path === '/api/admin/incidents') return json(route, 200, { total: 0, items: [] });
    return route.fallback();
  });
}
