import type { Kysely } from 'kysely';
import type { Engine } from '../../engine/index';
import type { ServerDatabase } from '../db/schema';

/** What a template reads: the person, the case, its jurisdiction names and the submitted forms. */
export interface DocumentData {
  caseId: string;
  caseCode: string;
  procedureKey: string;
  person: {
    fullName: string; dateOfBirth: string | null; sex: string | null; idNumber: string | null; permanentAddress: string | null;
  };
  communeName: string;
  provinceName: string;
  /** the process variables of the case's instance */
  variables: Record<string, unknown>;
  /** the form data of the last completion of each user task, by element id */
  tasks: Record<string, Record<string, unknown>>;
  /** documents issued for the case (by template), set by the render worker */
  issuedAt: string;
}

/** Loads the data of one case for its documents (the caller has authorised the read). */
export async function loadDocumentData(db: Kysely<ServerDatabase>, engine: Engine, caseId: string, now: Date): Promise<DocumentData | null> {
  const row = await db.selectFrom('rehab_case as c').innerJoin('person as p', 'p.id', 'c.person_id')
    .select(['c.id', 'c.code', 'c.procedure_key', 'c.instance_id', 'c.scope', 'p.full_name', 'p.date_of_birth', 'p.sex', 'p.id_number', 'p.permanent_address'])
    .where('c.id', '=', caseId).executeTakeFirst();
  if (!row) return null;
  const codes = row.scope.split('/').filter(Boolean);
  const names = new Map((await db.selectFrom('jurisdiction').select(['code', 'name']).where('code', 'in', codes.length ? codes : ['-']).execute()).map((j) => [j.code, j.name]));
  const tasks: Record<string, Record<string, unknown>> = {};
  let variables: Record<string, unknown> = {};
  if (row.instance_id) {
    variables = ((await engine.getVariables(row.instance_id)) as Record<string, unknown> | null) ?? {};
    const history = await engine.listHistory({ rootInstanceId: row.instance_id, types: ['task.completed'], limit: 1000 });
    for (const event of [...history.items].sort((a, b) => Number(a.id) - Number(b.id))) {
      const data = event.data as { variables?: Record<string, unknown> } | null;
      if (event.element_id && data?.variables) tasks[event.element_id] = data.variables;
    }
  }
  return {
    caseId: row.id, caseCode: row.code, procedureKey: row.procedure_key,
    person: { fullName: row.full_name, dateOfBirth: row.date_of_birth, sex: row.sex, idNumber: row.id_number, permanentAddress: row.permanent_address },
    communeName: names.get(codes[codes.length - 1]) ?? '',
    provinceName: names.get(codes[0]) ?? '',
    variables, tasks,
    issuedAt: new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10),
  };
}
