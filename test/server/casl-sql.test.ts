import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import { defineAbilityFor, under, type Action, type AppAbility, type SubjectType } from '../../server/auth/abilities';
import { accessibleWhere, UntranslatableRuleError } from '../../server/auth/casl-sql';
import { allows } from '../../server/auth/guard';
import type { Principal, Role } from '../../server/auth/principal';
import { createTestDatabase, type TestDatabase } from '../support/database';

interface Row {
  id: string;
  scope: string;
  candidate_groups: string[];
  candidate_users: string[];
  assignee: string | null;
}

const scopes = ['/99/', '/99/99130/', '/99/99160/', '/99/991/', '/99/991/99101/', '/99/991/99104/', '/98/', '/98/98130/', '/990/', '/99_/x/'];
const groups = ['police:99130', 'police:99160', 'people_committee:99130', 'agency:CA-99130', 'court:99-KV1', 'health_facility:99', 'police:98130', 'labour_office:991'];

function rows(): Row[] {
  const out: Row[] = [];
  let n = 0;
  for (const scope of scopes) {
    for (let g = 0; g < groups.length; g++) {
      n++;
      out.push({ id: `r${n}`, scope, candidate_groups: [groups[g], groups[(g * 3 + 1) % groups.length]], candidate_users: n % 7 === 0 ? ['u-staff'] : [], assignee: n % 5 === 0 ? 'u-staff' : n % 11 === 0 ? 'u-other' : null });
    }
  }
  return out;
}

function principal(roles: Role[], kind: string | null, code: string, path: string, groupsOf: string[]): Principal {
  return {
    userId: 'u-staff', username: 'x', displayName: 'x', email: null, locale: 'vi', roles,
    agency: kind ? { id: 'a', code, name: 'a', kind: kind as never } : null,
    jurisdiction: kind ? { id: 'j', code, name: 'j', path, level: 'commune', structure: '2025' } : null,
    homePath: kind ? path : '/', candidateGroups: groupsOf, totpEnabled: false,
  };
}

describe('CASL rules → SQL', () => {
  let t: TestDatabase<unknown>;
  let db: Kysely<{ t: Row }>;
  const data = rows();

  beforeAll(async () => {
    t = await createTestDatabase();
    db = t.db as Kysely<{ t: Row }>;
    await sql`CREATE TABLE t (id text primary key, scope text, candidate_groups text[], candidate_users text[], assignee text)`.execute(db);
    await db.insertInto('t').values(data).execute();
  });
  afterAll(() => t.destroy());

  const cols = { id: { column: 't.id' }, scope: { column: 't.scope' }, assignee: { column: 't.assignee' }, candidate_groups: { column: 't.candidate_groups', array: true }, candidate_users: { column: 't.candidate_users', array: true } };

  async function sqlIds(ability: AppAbility, action: Action, type: SubjectType): Promise<string[]> {
    const result = await db.selectFrom('t').select('id').where(accessibleWhere(ability, action, type, cols)).execute();
    return result.map((r) => r.id).sort();
  }
  const memoryIds = (ability: AppAbility, action: Action, type: SubjectType) =>
    data.filter((r) => allows(ability, action, type, { row: { ...r } })).map((r) => r.id).sort();

  const principals: Record<string, Principal> = {
    'commune police staff': principal(['staff'], 'police', '99130', '/99/99130/', ['police:99130', 'agency:CA-99130']),
    'commune police supervisor': principal(['supervisor'], 'police', '99130', '/99/99130/', ['police:99130', 'agency:CA-99130']),
    'district labour staff': principal(['staff'], 'labour_office', '991', '/99/991/', ['labour_office:991']),
    'provincial health staff': principal(['staff'], 'health_facility', '99', '/99/', ['health_facility:99']),
    'leader of province 99': principal(['leader'], 'people_committee', '99', '/99/', ['people_committee:99']),
    'provincial admin 99': principal(['provincial_admin'], 'people_committee', '99', '/99/', []),
    'global admin': principal(['admin'], null, '', '/', []),
    'no roles': principal([], 'police', '99130', '/99/99130/', ['police:99130']),
  };

  for (const [name, p] of Object.entries(principals)) {
    for (const [action, type] of [['read', 'Task'], ['claim', 'Task'], ['assign', 'Task'], ['complete', 'Task'], ['read', 'Person'], ['read', 'Case'], ['update', 'Case'], ['read', 'User']] as [Action, SubjectType][]) {
      it(`should select exactly the rows CASL allows: ${name} ${action} ${type}`, async () => {
        const ability = defineAbilityFor(p);
        expect(await sqlIds(ability, action, type)).toEqual(memoryIds(ability, action, type));
      });
    }
  }

  it('should treat LIKE wildcards in paths literally (/99_/ is not under /99/)', async () => {
    const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
    can('read', 'Task', { scope: under('/99_/') } as never);
    expect(await sqlIds(build(), 'read', 'Task')).toEqual(data.filter((r) => r.scope.startsWith('/99_/')).map((r) => r.id).sort());
  });

  it('should honour cannot rules and $ne / $nin', async () => {
    const { can, cannot, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
    can('read', 'Task', { scope: under('/99/') } as never);
    cannot('read', 'Task', { assignee: 'u-other' } as never);
    can('read', 'Task', { candidate_groups: { $nin: groups.slice(1) }, assignee: { $ne: null } } as never);
    const ability = build();
    expect(await sqlIds(ability, 'read', 'Task')).toEqual(memoryIds(ability, 'read', 'Task'));
  });

  it('should fail closed on a field without a column or an unanchored regex', () => {
    const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
    can('read', 'Task', { secret: 1 } as never);
    can('read', 'Person', { scope: { $regex: '99' } } as never);
    const ability = build();
    expect(() => accessibleWhere(ability, 'read', 'Task', cols)).toThrow(UntranslatableRuleError);
    expect(() => accessibleWhere(ability, 'read', 'Person', cols)).toThrow(UntranslatableRuleError);
  });
});
