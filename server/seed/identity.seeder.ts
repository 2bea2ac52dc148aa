import { hash } from '@node-rs/argon2';
import { sql, type Kysely } from 'kysely';
import type { ServerDatabase } from '../db/schema';
import { holidaysToSeed } from '../../workflows/index';
import { seedCourtAreas } from './court-area.seeder';
import type { DemoSeed, SeedJurisdiction, SeedPerson } from './demo-seed.types';

export interface SeedResult {
  jurisdictions: number;
  agencies: number;
  users: number;
  persons: number;
}

/**
 * Inserts what is missing and leaves existing rows alone, so it runs on every start and never
 * overwrites what admins changed.
 */
export async function seedIdentity(db: Kysely<ServerDatabase>, seed: DemoSeed): Promise<SeedResult> {
  return db.transaction().execute(async (tx) => {
    const created = await seedJurisdictions(tx, seed.jurisdictions);
    const jurisdictions = created.size;
    await seedCourtAreas(tx, seed.jurisdictions, seed.courtAreas ?? [], created);
    const ids = await jurisdictionIds(tx);
    let agencies = 0;
    for (const agency of seed.agencies) {
      const jurisdictionId = ids.get(agency.jurisdictionCode);
      if (!jurisdictionId) throw new Error(`seed: agency ${agency.code} names unknown jurisdiction ${agency.jurisdictionCode}`);
      const inserted = await tx
        .insertInto('agency')
        .values({
          code: agency.code,
          name: agency.name,
          kind: agency.kind,
          jurisdiction_id: jurisdictionId,
          candidate_groups: agency.candidateGroups ?? [`${agency.kind}:${agency.jurisdictionCode}`, `agency:${agency.code}`],
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) agencies++;
    }
    const agencyIds = new Map((await tx.selectFrom('agency').select(['id', 'code']).execute()).map((a) => [a.code, a.id]));
    const existing = new Set((await tx.selectFrom('app_user').select('username').execute()).map((u) => u.username));
    const missing = seed.users.filter((u) => !existing.has(u.username));
    const passwordHash = missing.length ? await hash(seed.demoPassword) : '';
    for (const user of missing) {
      const agencyId = user.agencyCode ? agencyIds.get(user.agencyCode) : null;
      if (user.agencyCode && !agencyId) throw new Error(`seed: user ${user.username} names unknown agency ${user.agencyCode}`);
      const { id } = await tx
        .insertInto('app_user')
        .values({
          username: user.username,
          display_name: user.displayName,
          email: user.email ?? null,
          password_hash: passwordHash,
          agency_id: agencyId ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (user.roles.length) {
        await tx.insertInto('user_role').values(user.roles.map((role) => ({ user_id: id, role }))).execute();
      }
    }
    const persons = await seedPersons(tx, seed.persons ?? []);
    const calendar = (await sql<{ date: string }>`SELECT to_char(date, 'YYYY-MM-DD') AS date FROM calendar_holiday`.execute(tx)).rows.map((r) => r.date);
    for (const h of holidaysToSeed(seed.holidays ?? [], calendar)) {
      await sql`INSERT INTO calendar_holiday (date, name) VALUES (${h.date}, ${h.name}) ON CONFLICT (date) DO NOTHING`.execute(tx);
    }
    return { jurisdictions, agencies, users: missing.length, persons };
  });
}

/** Inserts the missing jurisdictions; returns the codes it created. */
async function seedJurisdictions(db: Kysely<ServerDatabase>, list: SeedJurisdiction[]): Promise<Set<string>> {
  const byCode = new Map(list.map((j) => [j.code, j]));
  const ordered = [...list].sort((a, b) => depth(a, byCode) - depth(b, byCode));
  const inserted = new Set<string>();
  for (const j of ordered) {
    const parent = j.parentCode
      ? await db.selectFrom('jurisdiction').select(['id', 'path']).where('code', '=', j.parentCode).executeTakeFirst()
      : undefined;
    if (j.parentCode && !parent) throw new Error(`seed: jurisdiction ${j.code} names unknown parent ${j.parentCode}`);
    const row = await db
      .insertInto('jurisdiction')
      .values({
        code: j.code,
        name: j.name,
        level: j.level,
        parent_id: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${j.code}/`,
        structure: j.structure,
        valid_from: null,
        valid_to: null,
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) inserted.add(j.code);
  }
  return inserted;
}

function depth(j: SeedJurisdiction, byCode: Map<string, SeedJurisdiction>): number {
  let n = 0;
  for (let p = j.parentCode; p; p = byCode.get(p)?.parentCode ?? null) {
    if (++n > 20) throw new Error(`seed: jurisdiction cycle at ${j.code}`);
  }
  return n;
}

async function jurisdictionIds(db: Kysely<ServerDatabase>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('jurisdiction').select(['id', 'code']).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

async function seedPersons(db: Kysely<ServerDatabase>, persons: SeedPerson[]): Promise<number> {
  if (!persons.length) return 0;
  const paths = new Map((await db.selectFrom('jurisdiction').select(['code', 'path']).execute()).map((j) => [j.code, j.path]));
  const now = new Date();
  let inserted = 0;
  for (const p of persons) {
    const scope = paths.get(p.communeCode);
    if (!scope) throw new Error(`seed: person ${p.id} names unknown commune ${p.communeCode}`);
    const row = await db
      .insertInto('person')
      .values({
        id: p.id,
        full_name: p.fullName,
        other_names: p.otherNames ?? [],
        date_of_birth: p.dateOfBirth ?? null,
        sex: p.sex ?? null,
        id_type: p.idType ?? null,
        id_number: p.idNumber ?? null,
        province_code: scope.split('/')[1] ?? null,
        commune_code: p.communeCode,
        scope,
        permanent_address: p.permanentAddress ?? null,
        status: p.status ?? null,
        statuses: JSON.stringify(p.statuses ?? []),
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) inserted++;
  }
  return inserted;
}
