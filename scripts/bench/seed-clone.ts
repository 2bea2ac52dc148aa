import pg from 'pg';

/**
 * Clones the instance trees the real procedures produced for the demo persons (templates) into
 * national-scale data: every row of a tree (instances, executions, variables, tasks, jobs, message
 * subscriptions, history, its case) is re-inserted once per clone by INSERT … SELECT over the
 * `bench_clone` table, with ids, person, case code, commune, province, court region and users
 * substituted — so the engine loads and continues a clone exactly like the template.
 */

/** Tables cloned per tree, with the filter selecting a tree's rows (`$1` = root instance id, or case id). */
const TABLES: { table: string; where: string; byCase?: boolean; skip?: string[] }[] = [
  { table: 'rehab_case', where: 'id = $1::uuid', byCase: true },
  { table: 'process_instance', where: 'root_instance_id = $1' },
  { table: 'execution', where: 'root_instance_id = $1' },
  { table: 'variable', where: 'root_instance_id = $1' },
  { table: 'task', where: 'root_instance_id = $1' },
  { table: 'job', where: 'root_instance_id = $1' },
  { table: 'event_subscription', where: 'root_instance_id = $1' },
  { table: 'history_event', where: 'root_instance_id = $1 ORDER BY id', skip: ['id'] },
];
/** Timestamps moved back by the clone's `shift` (deadlines and due dates are kept). */
const SHIFTED = new Set(['created_at', 'updated_at', 'started_at', 'ended_at', 'at', 'claimed_at', 'completed_at']);

export interface Template {
  root: string;
  personId: string;
  caseId: string;
  openTasks: number;
}

/** Demo users → the bench clone's user of the same agency kind and level (`bench_clone` column). */
export type UserMap = Map<string, string>;

interface Column {
  name: string;
  type: string;
}

export async function loadTemplates(client: pg.Client): Promise<Template[]> {
  const { rows } = await client.query<{ root: string; person_id: string; case_id: string; open_tasks: string }>(`
    SELECT i.id AS root, p.value #>> '{}' AS person_id, c.value #>> '{}' AS case_id,
      (SELECT count(*) FROM task t WHERE t.root_instance_id = i.id AND t.state = 'created') AS open_tasks
    FROM process_instance i
    JOIN variable p ON p.scope_id = i.id AND p.name = 'personId'
    JOIN variable c ON c.scope_id = i.id AND c.name = 'caseId'
    WHERE i.id = i.root_instance_id AND i.state = 'active' ORDER BY i.started_at, i.id`);
  return rows.map((r) => ({ root: r.root, personId: r.person_id, caseId: r.case_id, openTasks: Number(r.open_tasks) }));
}

export async function loadUserMap(client: pg.Client): Promise<UserMap> {
  const { rows } = await client.query<{ id: string; kind: string; level: string; groups: string[] }>(`
    SELECT u.id, a.kind, j.level, a.candidate_groups AS groups FROM app_user u
    JOIN agency a ON a.id = u.agency_id JOIN jurisdiction j ON j.id = a.jurisdiction_id
    WHERE NOT u.username LIKE 'b.%'`);
  const map: UserMap = new Map();
  for (const r of rows) {
    if (r.level === 'commune' && (r.kind === 'police' || r.kind === 'people_committee')) map.set(r.id, `u_${r.kind}_c`);
    else if (r.kind === 'court') map.set(r.id, 'u_court');
    else if (['police', 'health_facility', 'rehab_centre', 'people_committee'].includes(r.kind)) map.set(r.id, `u_${r.kind}_p`);
  }
  return map;
}

interface Tokens {
  remap: Set<string>;
  users: UserMap;
  person: string;
  communes: string[];
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** A template text value → a SQL expression over the clone row `g`. */
export function cloneExpression(value: string, t: Tokens): string {
  const communeAlt = t.communes.length ? `|(?<commune>\\b(?:${t.communes.join('|')})\\b)` : '';
  const re = new RegExp(
    `(?<uuid>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})|(?<code>HS-\\d{8}-[0-9A-F]{6})|(?<region>\\b9[89]-KV[12]\\b)${communeAlt}|(?<prov>(?<=^|[":/{,])9[89](?=$|["/},]))`,
    'g',
  );
  const parts: string[] = [];
  let last = 0;
  for (const m of value.matchAll(re)) {
    const g = m.groups ?? {};
    let expr: string | undefined;
    if (g.uuid) {
      if (t.remap.has(g.uuid)) expr = `(${lit(g.uuid.slice(0, 24))} || g.hx)`;
      else if (g.uuid === t.person) expr = 'g.person_id';
      else if (t.users.has(g.uuid)) expr = `g.${t.users.get(g.uuid)}`;
    } else if (g.code) expr = 'g.case_code';
    else if (g.region) expr = 'g.region';
    else if (g.commune) expr = 'g.commune';
    else if (g.prov) expr = 'g.prov';
    if (!expr) continue;
    if (m.index > last) parts.push(lit(value.slice(last, m.index)));
    parts.push(expr);
    last = m.index + m[0].length;
  }
  if (!parts.length) return lit(value);
  if (last < value.length) parts.push(lit(value.slice(last)));
  return `(${parts.join(' || ')})`;
}

async function columnsOf(client: pg.Client, table: string): Promise<Column[]> {
  const { rows } = await client.query<Column>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a
     WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [table],
  );
  return rows;
}

/** Ids of every row of every template tree: they get a new id per clone. */
async function templateIds(client: pg.Client, roots: string[], caseIds: string[]): Promise<Set<string>> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT id::text FROM process_instance WHERE root_instance_id = ANY($1::uuid[])
     UNION SELECT id::text FROM execution WHERE root_instance_id = ANY($1::uuid[])
     UNION SELECT id::text FROM task WHERE root_instance_id = ANY($1::uuid[])
     UNION SELECT id::text FROM job WHERE root_instance_id = ANY($1::uuid[])
     UNION SELECT id::text FROM event_subscription WHERE root_instance_id = ANY($1::uuid[])
     UNION SELECT unnest($2::text[])`,
    [roots, caseIds],
  );
  return new Set(rows.map((r) => r.id));
}

/** One INSERT … SELECT per template tree and table; `onStatement` reports progress. */
export async function cloneTrees(
  client: pg.Client,
  templates: Template[],
  users: UserMap,
  communes: string[],
  onStatement: (label: string) => void,
): Promise<void> {
  const remap = await templateIds(client, templates.map((t) => t.root), templates.map((t) => t.caseId));
  for (const spec of TABLES) {
    const columns = (await columnsOf(client, spec.table)).filter((c) => !spec.skip?.includes(c.name));
    const select = columns.map((c) => `${c.name}::text AS ${c.name}`).join(', ');
    for (const [slot, tpl] of templates.entries()) {
      const { rows } = await client.query<Record<string, string | null>>(`SELECT ${select} FROM ${spec.table} WHERE ${spec.where}`, [spec.byCase ? tpl.caseId : tpl.root]);
      if (!rows.length) {
        onStatement(`${spec.table} (${slot + 1}/${templates.length})`);
        continue;
      }
      const tokens: Tokens = { remap, users, person: tpl.personId, communes };
      const values = rows.map((row) => {
        const exprs = columns.map((c) => {
          const v = row[c.name];
          if (v === null || v === undefined) return `NULL::${c.type}`;
          const e = `${cloneExpression(v, tokens)}::${c.type}`;
          return SHIFTED.has(c.name) ? `(${e} - g.shift)` : e;
        });
        return `(${exprs.join(', ')})`;
      });
      const names = columns.map((c) => c.name).join(', ');
      await client.query(
        `INSERT INTO ${spec.table} (${names}) SELECT v.* FROM bench_clone g CROSS JOIN LATERAL (VALUES ${values.join(',\n')}) AS v(${names}) WHERE g.slot = ${slot}`,
      );
      onStatement(`${spec.table} (${slot + 1}/${templates.length})`);
    }
  }
}

export const CLONE_TABLE_COUNT = TABLES.length;
