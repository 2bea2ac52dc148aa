import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql, type Kysely } from 'kysely';
import type { AppAbility } from '../auth/abilities';
import { allows } from '../auth/guard';
import type { ServerDatabase } from '../db/schema';
import { parseCsv } from './csv';
import { PERSON_COLUMNS, rowError, validateRow, type CleanRow, type PersonColumn, type RawRow, type RowError } from './exchange-columns';

export type ImportFormat = 'csv' | 'xlsx' | 'json';
export const BATCH = 5000;
const MAX_REPORTED_ERRORS = 1000;

export class ImportFormatError extends Error {}

/** File → raw rows keyed by column (header row for CSV/XLSX; objects for JSON). */
export async function readRows(format: ImportFormat, body: Buffer): Promise<{ rows: RawRow[]; errors: RowError[] }> {
  let table: string[][];
  if (format === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new ImportFormatError('invalid JSON');
    }
    const list = Array.isArray(parsed) ? parsed : (parsed as { rows?: unknown })?.rows;
    if (!Array.isArray(list)) throw new ImportFormatError('JSON must be an array of rows or { rows: [...] }');
    const errors: RowError[] = [];
    const rows = list.map((item, i) => {
      const out: RawRow = {};
      for (const [k, v] of Object.entries((item ?? {}) as Record<string, unknown>)) {
        if (!(PERSON_COLUMNS as readonly string[]).includes(k)) {
          if (errors.length < MAX_REPORTED_ERRORS) errors.push(rowError(i + 1, k, 'COLUMN_UNKNOWN'));
          continue;
        }
        out[k as PersonColumn] = v === null || v === undefined ? '' : String(v);
      }
      return out;
    });
    return { rows, errors };
  }
  if (format === 'csv') table = parseCsv(body.toString('utf8'));
  else {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(body as unknown as ArrayBuffer);
    } catch {
      throw new ImportFormatError('invalid XLSX');
    }
    const sheet = wb.worksheets[0];
    table = [];
    sheet?.eachRow({ includeEmpty: false }, (row) => {
      const values = (row.values as unknown[]).slice(1);
      table.push(values.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : typeof v === 'object' ? String((v as { text?: unknown }).text ?? '') : String(v))));
    });
  }
  const [header = [], ...data] = table;
  const errors: RowError[] = [];
  const keys = header.map((h) => h.trim());
  keys.forEach((k) => {
    if (k && !(PERSON_COLUMNS as readonly string[]).includes(k)) errors.push(rowError(0, k, 'COLUMN_UNKNOWN'));
  });
  const rows = data.map((cells) => {
    const out: RawRow = {};
    keys.forEach((k, i) => {
      if ((PERSON_COLUMNS as readonly string[]).includes(k)) out[k as PersonColumn] = cells[i] ?? '';
    });
    return out;
  });
  return { rows, errors };
}

export interface ImportOutcome {
  total: number;
  imported: number;
  errors: RowError[];
  errorCount: number;
  dryRun: boolean;
}

export type Progress = (p: { phase: 'validate' | 'insert'; processed: number; total: number }) => Promise<void>;

/**
 * Validates every row (all errors listed, bilingual), then — unless dry run or any error — inserts
 * all persons and cases in ONE transaction with batched `INSERT … SELECT FROM unnest(arrays)`
 * (5 000 rows a statement). Any failure rolls the whole file back: all rows or none.
 */
export async function importPersons(
  db: Kysely<ServerDatabase>,
  input: { rows: RawRow[]; preErrors: RowError[]; ability: AppAbility; actorId: string | null; now: Date; dryRun: boolean; inTransaction?: (tx: Kysely<ServerDatabase>, imported: number) => Promise<void> },
  progress: Progress,
): Promise<ImportOutcome> {
  const communes = new Map((await db.selectFrom('jurisdiction').select(['code', 'path']).where('level', '=', 'commune').execute()).map((j) => [j.code, j.path]));
  const permission = new Map<string, 'ok' | 'unknown' | 'forbidden'>();
  const commune = (code: string) => {
    let p = permission.get(code);
    if (!p) {
      const path = communes.get(code);
      p = !path ? 'unknown' : allows(input.ability, 'create', 'Person', { row: { scope: path } }) ? 'ok' : 'forbidden';
      permission.set(code, p);
    }
    return p;
  };
  const errors: RowError[] = [...input.preErrors];
  let errorCount = errors.length;
  const push = (e: RowError) => {
    errorCount++;
    if (errors.length < MAX_REPORTED_ERRORS) errors.push(e);
  };
  const clean: CleanRow[] = [];
  const caseCodes = new Set<string>();
  const ids = new Set<string>();
  const total = input.rows.length;
  for (let i = 0; i < total; i++) {
    const { clean: c, errors: rowErrors } = validateRow(input.rows[i], i + 1, commune);
    rowErrors.forEach(push);
    if (c) {
      if (c.caseCode) {
        if (caseCodes.has(c.caseCode)) push(rowError(i + 1, 'case_code', 'DUPLICATE_IN_FILE'));
        caseCodes.add(c.caseCode);
      }
      if (c.idNumber) {
        const key = `${c.idType ?? ''}:${c.idNumber}`;
        if (ids.has(key)) push(rowError(i + 1, 'id_number', 'DUPLICATE_IN_FILE'));
        ids.add(key);
      }
      clean.push(c);
    }
    if ((i + 1) % BATCH === 0 || i + 1 === total) await progress({ phase: 'validate', processed: i + 1, total });
  }
  if (errorCount || input.dryRun) return { total, imported: 0, errors, errorCount, dryRun: input.dryRun };

  await db.transaction().execute(async (tx) => {
    for (let start = 0; start < clean.length; start += BATCH) {
      await insertBatch(tx, clean.slice(start, start + BATCH), communes, input);
      await progress({ phase: 'insert', processed: Math.min(start + BATCH, clean.length), total });
    }
    await input.inTransaction?.(tx, clean.length);
  });
  return { total, imported: clean.length, errors: [], errorCount: 0, dryRun: false };
}

async function insertBatch(tx: Kysely<ServerDatabase>, rows: CleanRow[], communes: Map<string, string>, input: { actorId: string | null; now: Date }): Promise<void> {
  const ids = rows.map(() => randomUUID());
  const today = input.now.toISOString().slice(0, 10);
  const col = <T>(f: (r: CleanRow) => T) => rows.map(f);
  await sql`INSERT INTO person (id, full_name, date_of_birth, sex, id_type, id_number, province_code, commune_code, scope, permanent_address, status, statuses, created_by, created_at, updated_at)
    SELECT u.id, u.full_name, u.dob, u.sex, u.id_type, u.id_number, split_part(u.scope, '/', 2), u.commune_code, u.scope, u.address, u.status,
           CASE WHEN u.status IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(jsonb_build_object('status', u.status, 'from', ${today}::text)) END,
           ${input.actorId}::uuid, ${input.now}, ${input.now}
    FROM unnest(${ids}::uuid[], ${col((r) => r.fullName)}::text[], ${col((r) => r.dateOfBirth)}::date[], ${col((r) => r.sex)}::text[],
                ${col((r) => r.idType)}::text[], ${col((r) => r.idNumber)}::text[], ${col((r) => r.communeCode)}::text[],
                ${col((r) => communes.get(r.communeCode)!)}::text[], ${col((r) => r.permanentAddress)}::text[], ${col((r) => r.status)}::text[])
      AS u(id, full_name, dob, sex, id_type, id_number, commune_code, scope, address, status)`.execute(tx);
  const withCase = rows.map((r, i) => ({ r, id: ids[i] })).filter((x) => x.r.caseCode);
  if (!withCase.length) return;
  await sql`INSERT INTO rehab_case (code, person_id, procedure_key, title, scope, status, data, created_by, created_at, updated_at)
    SELECT u.code, u.person_id, u.procedure_key, coalesce(u.title, u.procedure_key || ' – ' || u.full_name), u.scope, 'open', '{"imported": true}'::jsonb, ${input.actorId}::uuid, ${input.now}, ${input.now}
    FROM unnest(${withCase.map((x) => x.r.caseCode)}::text[], ${withCase.map((x) => x.id)}::uuid[], ${withCase.map((x) => x.r.procedureKey)}::text[],
                ${withCase.map((x) => x.r.caseTitle)}::text[], ${withCase.map((x) => x.r.fullName)}::text[], ${withCase.map((x) => communes.get(x.r.communeCode)!)}::text[])
      AS u(code, person_id, procedure_key, title, full_name, scope)`.execute(tx);
}
