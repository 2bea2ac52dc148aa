import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../db/schema';
import type { SeedCourtArea, SeedJurisdiction } from './demo-seed.types';

/**
 * Regional court areas (2025) and the area of each 2025 commune, as configuration rows
 * (`court_area`, `jurisdiction.court_area_code`, migration 0045) that the case starter reads.
 * Areas are inserted when missing; a commune's area is set only when the commune or its area is
 * created by this run — an area an admin changed or cleared later is left alone.
 */
export async function seedCourtAreas(
  db: Kysely<ServerDatabase>, jurisdictions: SeedJurisdiction[], areas: SeedCourtArea[], createdJurisdictions: Set<string>,
): Promise<number> {
  const named = new Map(areas.map((a) => [a.code, a]));
  for (const j of jurisdictions) {
    if (!j.courtRegionCode || named.has(j.courtRegionCode)) continue;
    const provinceCode = j.parentCode && j.level === 'commune' && j.structure === '2025' ? j.parentCode : j.courtRegionCode.split('-')[0];
    named.set(j.courtRegionCode, { code: j.courtRegionCode, name: `Tòa án nhân dân khu vực ${j.courtRegionCode}`, provinceCode });
  }
  const created = new Set<string>();
  for (const area of named.values()) {
    const row = await db.insertInto('court_area')
      .values({ code: area.code, province_code: area.provinceCode, name: area.name, court_agency_code: area.agencyCode ?? null })
      .onConflict((oc) => oc.column('code').doNothing()).returning('code').executeTakeFirst();
    if (row) created.add(row.code);
  }
  let assigned = 0;
  for (const j of jurisdictions) {
    if (!j.courtRegionCode || !(createdJurisdictions.has(j.code) || created.has(j.courtRegionCode))) continue;
    const done = await db.updateTable('jurisdiction').set({ court_area_code: j.courtRegionCode })
      .where('code', '=', j.code).where('court_area_code', 'is', null).executeTakeFirst();
    assigned += Number(done.numUpdatedRows);
  }
  return assigned;
}
