import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SqlBool } from 'kysely';
import type { ServerDatabase } from '../../../server/db/schema';
import { insertPerson, searchPersons } from '../../../server/repositories/person.repository';
import { createTestDatabase, type TestDatabase } from '../../support/database';

const NOW = new Date('2026-03-02T03:00:00Z');
const everywhere = sql<SqlBool>`TRUE`;
const inCommune = (path: string) => sql<SqlBool>`p.scope LIKE ${`${path}%`}`;

describe('person search (two tiers: exact name part or ID number, then fuzzy)', () => {
  let t: TestDatabase<ServerDatabase>;
  const names = ['Trần Quang Yên', 'Trần Quang Yến', 'Trần Văn Quang', 'Nguyễn Thị Lan', 'Nguyễn Thị Lân', 'Đỗ Đức Tùng', 'Lê Văn Tám'];

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>();
    for (const [i, fullName] of names.entries()) {
      const commune = i % 2 === 0 ? '99101' : '99104';
      await insertPerson(t.db, { fullName, communeCode: commune, idType: 'cccd', idNumber: `0990900000${String(i).padStart(2, '0')}` }, `/99/${commune}/`, '99', '00000000-0000-4000-8000-000000000001', NOW);
    }
  });
  afterAll(async () => {
    await t.destroy();
  });

  const search = (q: string, allowed = everywhere, page = { limit: 20, offset: 0 }) => searchPersons(t.db, allowed, { q, ...page });
  const namesOf = (r: { rows: { full_name: string }[] }) => r.rows.map((p) => p.full_name);

  it('should find every accent variant of a name typed without accents, and only those', async () => {
    // given persons "Trần Quang Yên", "Trần Quang Yến" and near names "Trần Văn Quang", …
    // when
    const found = await search('tran quang yen');

    // then
    expect(namesOf(found).sort()).toEqual(['Trần Quang Yên', 'Trần Quang Yến']);
    expect(found.total).toBe(2);
  });

  it('should find a name by a part of it (as typed in a picker) and đ as d', async () => {
    // given the registry above
    // when
    const part = await search('Nguy');
    const withD = await search('do duc');

    // then
    expect(namesOf(part).sort()).toEqual(['Nguyễn Thị Lan', 'Nguyễn Thị Lân']);
    expect(namesOf(withD)).toEqual(['Đỗ Đức Tùng']);
  });

  it('should find a person by ID number typed in the search box', async () => {
    // given the 6th person's CCCD
    // when
    const found = await search('099090000005');

    // then
    expect(namesOf(found)).toEqual(['Đỗ Đức Tùng']);
    expect(found.total).toBe(1);
  });

  it('should fall back to similar names when no name contains the term (a typo)', async () => {
    // given nobody named "tran quang yem"
    // when
    const found = await search('tran quang yem');

    // then the two "Trần Quang Yên/Yến" come first; a name sharing only one word does not qualify
    expect(namesOf(found).slice(0, 2).sort()).toEqual(['Trần Quang Yên', 'Trần Quang Yến']);
    expect(namesOf(found)).not.toContain('Lê Văn Tám');
    expect(found.total).toBe(found.rows.length);
  });

  it('should keep both tiers inside the authorization filter', async () => {
    // given a caller who may read commune 99101 only (persons 0, 2, 4, 6)
    const commune = inCommune('/99/99101/');

    // when
    const exact = await search('tran quang yen', commune);
    const fuzzy = await search('tran quang yem', commune);
    const byId = await search('099090000005', commune);

    // then
    expect(namesOf(exact)).toEqual(['Trần Quang Yên']);
    expect(namesOf(fuzzy)[0]).toBe('Trần Quang Yên');
    expect(namesOf(fuzzy)).not.toContain('Trần Quang Yến');
    expect(byId.rows).toEqual([]);
    expect(byId.total).toBe(0);
  });

  it('should give the total past the last page and list by name without a term', async () => {
    // given 7 persons
    // when
    const past = await search('nguyen', everywhere, { limit: 5, offset: 5 });
    const all = await searchPersons(t.db, everywhere, { limit: 3, offset: 0 });

    // then
    expect(past).toEqual({ total: 2, rows: [] });
    expect(all.total).toBe(7);
    expect(namesOf(all)).toEqual(['Lê Văn Tám', 'Nguyễn Thị Lan', 'Nguyễn Thị Lân']);
  });
});
