import { sql, type Kysely } from 'kysely';
import type { ServerDatabase } from '../../server/db/schema';
import type { LoggedIn } from '../support/app';
import type { ReliabilityApp } from './support/fixture';
import type { Figure } from './support/report';

type Db = Kysely<ServerDatabase>;
const homes: Record<string, string> = {
  'ca.xa1': '/99/99130/', 'ubnd.xa1': '/99/99130/', 'ca.xa2': '/99/99160/', 'ca.cu.xa1': '/99/991/99101/', 'ca.cu.xa2': '/99/991/99104/',
  'ldtbxh.huyen1': '/99/991/', 'yte.tinh': '/99/', 'toa.khuvuc1': '/99/', 'lanhdao.tinh': '/99/', 'kiemtra.tinh': '/99/', 'admin.tinh': '/99/',
  'ca.t98.xa1': '/98/98130/', 'yte.t98': '/98/', 'admin.t98': '/98/', admin: '/',
};
/** Health facilities, courts and police read the medical part (README "Field-level rule"). */
const medicalReaders = new Set(['ca.xa1', 'ca.xa2', 'ca.cu.xa1', 'ca.cu.xa2', 'yte.tinh', 'toa.khuvuc1', 'ca.t98.xa1', 'yte.t98']);
const creators: Record<string, string> = { '/99/99130/': 'ca.xa1', '/99/99160/': 'ca.xa2', '/99/991/99101/': 'ca.cu.xa1', '/99/991/99104/': 'ca.cu.xa2', '/98/98130/': 'ca.t98.xa1' };

async function auditCount(db: Db, action: string): Promise<number> {
  return (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action}`.execute(db)).rows[0].n;
}

/** Every page of a list (the server caps `limit`). */
async function pageAll<T>(r: ReliabilityApp, session: LoggedIn, path: string): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; offset < 100_000; ) {
    const page = await r.app.inject({ method: 'GET', url: `${path}?limit=100&offset=${offset}`, headers: session.headers });
    const body = page.json() as { items?: T[]; total?: number };
    const got = body.items ?? [];
    items.push(...got);
    offset += got.length;
    if (!got.length || offset >= (body.total ?? 0)) break;
  }
  return items;
}

/**
 * R6: the authorization matrix at scale (persons and cases with medical data in five communes of two
 * provinces; every user × list and single reads), field-level redaction of `medical` in lists and
 * single reads, each 403 logged as access.denied, session fixation, CSRF on every state-changing
 * route, and idle / absolute session expiry.
 */
export async function runAuthorization(r: ReliabilityApp, db: Db, options: { personsPerCommune: number }): Promise<Figure> {
  const { app } = r;
  const counters: Record<string, number> = { medicalSeenByReaders: 0, requests: 0, rowLeaks: 0, medicalLeaks: 0, wrongDenials: 0, deniedNotLogged: 0, fixationAccepted: 0, csrfBypass: 0, expiredAccepted: 0 };
  const violations: string[] = [];
  const s: Record<string, LoggedIn> = {};
  for (const user of Object.keys(homes)) s[user] = await r.login(user);
  const health: Record<string, string> = { '/99/': 'yte.tinh', '/98/': 'yte.t98' };
  const rows: { personId: string; caseId: string; scope: string }[] = [];
  for (const [scope, creator] of Object.entries(creators)) {
    const commune = scope.split('/').filter(Boolean).at(-1)!;
    for (let i = 0; i < options.personsPerCommune; i += 1) {
      const p = await app.inject({ method: 'POST', url: '/api/persons', headers: s[creator].headers, payload: { fullName: `Người thử ${commune}-${i}`, communeCode: commune } });
      if (p.statusCode !== 201) throw new Error(`person: ${p.statusCode} ${p.body}`);
      const personId = (p.json() as { id: string }).id;
      const c = await app.inject({ method: 'POST', url: '/api/cases', headers: s[health[`/${scope.split('/')[1]}/`]].headers, payload: { personId, procedureKey: 'compulsory-dossier', title: 'Hồ sơ', medical: { conclusion: 'nghiện', criteria: 3 } } });
      if (c.statusCode !== 201) throw new Error(`case: ${c.statusCode} ${c.body}`);
      rows.push({ personId, caseId: (c.json() as { id: string }).id, scope });
    }
  }
  const byPerson = new Map(rows.map((x) => [x.personId, x.scope]));
  const byCase = new Map(rows.map((x) => [x.caseId, x.scope]));
  const deniedBefore = await auditCount(db, 'access.denied');
  let forbidden = 0;
  for (const [user, home] of Object.entries(homes)) {
    const personIds = new Set((await pageAll<{ id: string }>(r, s[user], '/api/persons')).map((x) => x.id));
    const caseItems = await pageAll<{ id: string; medical?: unknown }>(r, s[user], '/api/cases');
    counters.requests += 2;
    for (const x of rows) {
      const visible = x.scope.startsWith(home);
      if (personIds.has(x.personId) !== visible) violations.push(`${user}: person list ${visible ? 'misses' : 'leaks'} ${x.scope}`);
      if (personIds.has(x.personId) && !visible) counters.rowLeaks += 1;
    }
    for (const item of caseItems) {
      const scope = byCase.get(item.id);
      if (scope && !scope.startsWith(home)) { counters.rowLeaks += 1; violations.push(`${user}: case list leaks ${scope}`); }
      if (item.medical && medicalReaders.has(user)) counters.medicalSeenByReaders += 1;
      if (item.medical && !medicalReaders.has(user)) { counters.medicalLeaks += 1; violations.push(`${user}: medical in case list`); }
    }
    // single reads: one row of each commune
    for (const scope of Object.keys(creators)) {
      const x = rows.find((row) => row.scope === scope)!;
      for (const url of [`/api/persons/${x.personId}`, `/api/cases/${x.caseId}`, `/api/persons/${x.personId}/timeline`]) {
        const one = await app.inject({ method: 'GET', url, headers: s[user].headers });
        counters.requests += 1;
        const visible = scope.startsWith(home);
        if (one.statusCode === 403) forbidden += 1;
        if (visible && one.statusCode !== 200) { counters.wrongDenials += 1; violations.push(`${user} GET ${url} (${scope}) → ${one.statusCode}`); }
        if (!visible && one.statusCode < 400) { counters.rowLeaks += 1; violations.push(`${user} GET ${url} (${scope}) leaked`); }
        if (one.statusCode === 200 && url.includes('/cases/') && (one.json() as { medical?: unknown }).medical && !medicalReaders.has(user)) { counters.medicalLeaks += 1; violations.push(`${user}: medical in ${url}`); }
      }
    }
  }
  void byPerson;
  const deniedLogged = (await auditCount(db, 'access.denied')) - deniedBefore;
  counters.forbiddenResponses = forbidden;
  counters.deniedNotLogged = Math.max(0, forbidden - deniedLogged);
  if (counters.deniedNotLogged) violations.push(`${forbidden} 403 answers, ${deniedLogged} access.denied rows`);

  // session fixation: a cookie chosen by an attacker before login is never adopted
  const planted = 'qt_session=attacker-chosen-token-0123456789abcdef';
  const login = await app.inject({ method: 'POST', url: '/api/session/login', headers: { cookie: planted }, payload: { username: 'ca.xa1', password: 'Test@12345' } });
  const issued = login.cookies.find((c) => c.name === 'qt_session')?.value;
  const withPlanted = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: planted } });
  if (!issued || issued === 'attacker-chosen-token-0123456789abcdef' || withPlanted.statusCode !== 401) { counters.fixationAccepted += 1; violations.push('session fixation: planted cookie adopted'); }
  // after logout the old cookie is dead
  const victim = await r.login('ca.xa2');
  await app.inject({ method: 'POST', url: '/api/session/logout', headers: victim.headers });
  if ((await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: victim.cookie } })).statusCode !== 401) { counters.fixationAccepted += 1; violations.push('cookie still valid after logout'); }

  // CSRF: every state-changing route refuses a cookie without (or with a wrong) x-csrf-token
  const spec = app.swagger() as { paths: Record<string, Record<string, unknown>> };
  const mutating = Object.entries(spec.paths).flatMap(([p, m]) => Object.keys(m).filter((x) => ['post', 'put', 'patch', 'delete'].includes(x)).map((x) => ({ method: x.toUpperCase(), path: p })))
    .filter((o) => o.path.startsWith('/api/') && !o.path.startsWith('/api/public') && o.path !== '/api/session/login' && !o.path.startsWith('/api/external-tasks'));
  const admin = await r.login('admin');
  for (const op of mutating) {
    for (const token of [undefined, 'wrong-token', s['ca.xa1'].csrfToken]) {
      const url = op.path.replace(/\{[^}]+\}/g, rows[0].personId);
      const response = await app.inject({ method: op.method as 'POST', url, headers: { cookie: admin.cookie, ...(token ? { 'x-csrf-token': token } : {}), 'content-type': 'application/json' }, payload: '{}' });
      counters.requests += 1;
      const code = (response.json() as { error?: { code?: string } }).error?.code;
      if (code !== 'CSRF_INVALID') { counters.csrfBypass += 1; violations.push(`CSRF: ${op.method} ${op.path} with token ${token ?? 'none'} → ${response.statusCode} ${code ?? ''}`); }
    }
  }
  counters.csrfRoutes = mutating.length;

  // expiry: idle timeout (30 min) and absolute lifetime (480 min)
  const idle = await r.login('ca.xa1');
  r.clock.advance(31 * 60_000);
  const afterIdle = await app.inject({ method: 'GET', url: '/api/tasks', headers: idle.headers });
  if (afterIdle.statusCode !== 401) { counters.expiredAccepted += 1; violations.push(`idle session accepted: ${afterIdle.statusCode}`); }
  const busy = await r.login('ca.xa1');
  for (let minute = 0; minute < 490; minute += 20) {
    r.clock.advance(20 * 60_000);
    const response = await app.inject({ method: 'GET', url: '/api/session', headers: busy.headers });
    if (minute + 20 > 480 && response.statusCode !== 401) { counters.expiredAccepted += 1; violations.push(`session alive after ${minute + 20} min`); }
  }
  return {
    name: 'R6 authorization',
    scale: `${rows.length} persons + cases with medical data in 5 communes of 2 provinces; ${Object.keys(homes).length} users; ${mutating.length} state-changing routes × 3 CSRF variants`,
    counters,
    violations,
  };
}
