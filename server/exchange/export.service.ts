import ExcelJS from 'exceljs';
import { sql, type Kysely } from 'kysely';
import type { AppAbility } from '../auth/abilities';
import { accessibleWhere } from '../auth/casl-sql';
import { columnMaps } from '../auth/column-maps';
import type { ServerDatabase } from '../db/schema';
import { toCsv } from './csv';
import { PERSON_COLUMNS } from './exchange-columns';

const MAX_EXPORT = 200_000;

/**
 * Persons the caller may read in a subtree, one row per (person, case) — persons without a case get
 * one row with empty case columns — in the import format, so an export re-imports unchanged.
 */
export interface PersonExport {
  rows: string[][];
  /** Every person whose record left the system, for the audit log (each read of a person is logged). */
  personIds: string[];
}

export async function exportRows(db: Kysely<ServerDatabase>, ability: AppAbility, scopePath: string): Promise<PersonExport> {
  const like = scopePath.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
  const caseAllowed = accessibleWhere(ability, 'read', 'Case', columnMaps.Case);
  const rows = await sql<Record<string, string | null>>`
    SELECT p.id::text AS person_id, p.full_name, to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, p.sex, p.id_type, p.id_number, p.commune_code,
           p.permanent_address, p.status, c.code AS case_code, c.procedure_key, c.title AS case_title
    FROM person p LEFT JOIN rehab_case c ON c.person_id = p.id AND ${caseAllowed}
    WHERE ${accessibleWhere(ability, 'read', 'Person', columnMaps.Person)} AND p.scope LIKE ${like}
    ORDER BY p.scope, p.full_name, p.id, c.created_at LIMIT ${MAX_EXPORT}`.execute(db);
  return {
    rows: rows.rows.map((r) => PERSON_COLUMNS.map((k) => r[k] ?? '')),
    personIds: [...new Set(rows.rows.map((r) => r.person_id ?? ''))],
  };
}

export async function encodeExport(format: 'csv' | 'xlsx' | 'json', rows: string[][]): Promise<{ body: Buffer | string; contentType: string }> {
  if (format === 'csv') return { body: toCsv(PERSON_COLUMNS, rows), contentType: 'text/csv; charset=utf-8' };
  if (format === 'json') {
    const items = rows.map((r) => Object.fromEntries(PERSON_COLUMNS.map((k, i) => [k, r[i] === '' ? null : r[i]])));
    return { body: JSON.stringify({ columns: PERSON_COLUMNS, rows: items }), contentType: 'application/json; charset=utf-8' };
  }
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Doi tuong');
  sheet.addRow([...PERSON_COLUMNS]).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  return { body: Buffer.from(await wb.xlsx.writeBuffer()), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
}
