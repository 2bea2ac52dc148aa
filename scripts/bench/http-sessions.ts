import pg from 'pg';
import { assertValidFormData, type StoredForm } from '../../forms/index';
import type { Req } from './http-load';
import { benchCommunes, benchUsername, BENCH_PASSWORD } from './seed-geography';

export interface Session {
  username: string;
  userId: string;
  home: string;
  headers: Record<string, string>;
}

/** The virtual users: commune police and people's committees, provincial health facilities and regional courts. */
export function benchUsers(count: number): { username: string; home: string }[] {
  const communes = benchCommunes();
  const provinces = [...new Set(communes.map((c) => c.province))];
  const out: { username: string; home: string }[] = [];
  const provincial = Math.max(2, Math.round(count * 0.2));
  for (let i = 0; out.length < provincial; i++) {
    const p = provinces[i % provinces.length];
    out.push(i % 2 === 0 ? { username: benchUsername('health_facility', p, 1 + (Math.floor(i / provinces.length) % 2)), home: `/${p}/` } : { username: benchUsername('court', `${p}-KV${1 + (Math.floor(i / provinces.length) % 2)}`, 1), home: `/${p}/` });
  }
  for (let i = 0; out.length < count; i++) {
    const c = communes[(i * 7) % communes.length];
    const kind = i % 4 === 3 ? 'people_committee' : 'police';
    out.push({ username: benchUsername(kind, c.code, 1 + (Math.floor(i / communes.length) % 2)), home: c.path });
  }
  return out;
}

export async function login(baseUrl: string, username: string, home: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/session/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: username.toLowerCase(), password: BENCH_PASSWORD }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('qt_session='));
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  const body = (await res.json()) as { csrfToken: string; user: { id: string } };
  return { username, userId: body.user.id, home, headers: { cookie, 'x-csrf-token': body.csrfToken } };
}

interface TaskView {
  task: { id: string };
  form: (StoredForm & { examples?: { valid?: Record<string, unknown>[] } }) | null;
  data: Record<string, unknown>;
}

/** Visible open task ids of a session (first page, oldest first). */
export async function visibleTasks(baseUrl: string, s: Session, limit = 100): Promise<string[]> {
  const res = await fetch(`${baseUrl}/api/tasks?limit=${limit}&sort=created_at`, { headers: s.headers });
  if (!res.ok) throw new Error(`task list ${s.username}: ${res.status}`);
  return ((await res.json()) as { items: { id: string }[] }).items.map((t) => t.id);
}

/**
 * Complete requests a user can send: the task screen's data (draft or pre-filled) over the form's
 * shipped example (like the demo driver), kept only when the forms module accepts it.
 */
export interface Completion extends Req {
  taskId: string;
  form: StoredForm | null;
  data: Record<string, unknown>;
}

export async function completionsFor(baseUrl: string, s: Session, taskIds: string[]): Promise<{ requests: Completion[]; rejected: number }> {
  const requests: Completion[] = [];
  let rejected = 0;
  for (const id of taskIds) {
    const res = await fetch(`${baseUrl}/api/tasks/${id}`, { headers: s.headers });
    if (!res.ok) continue;
    const view = (await res.json()) as TaskView;
    const data = { ...(view.form?.examples?.valid?.[0] ?? {}), ...view.data };
    if (view.form) {
      try {
        assertValidFormData(view.form, data as never);
      } catch {
        rejected++;
        continue;
      }
    }
    requests.push({ method: 'POST', path: `/api/tasks/${id}/complete`, headers: s.headers, body: JSON.stringify({ data }), taskId: id, form: view.form, data });
  }
  return { requests, rejected };
}

/** Search terms (unaccented full names and ID numbers) and person ids inside a home subtree. */
export async function personsUnder(client: pg.Client, home: string, n: number): Promise<{ ids: string[]; terms: string[] }> {
  const { rows } = await client.query<{ id: string; full_name: string; id_number: string }>(
    `SELECT id, full_name, id_number FROM person WHERE scope LIKE $1 ORDER BY md5(id::text) LIMIT $2`, [`${home}%`, n],
  );
  const plain = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  return { ids: rows.map((r) => r.id), terms: rows.flatMap((r, i) => (i % 2 === 0 ? [plain(r.full_name)] : [r.id_number])) };
}
