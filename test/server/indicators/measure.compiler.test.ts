import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { defineAbilityFor } from '../../../server/auth/abilities';
import type { Principal } from '../../../server/auth/principal';
import { compileCount, compileDuration, MeasureError, type MeasureContext } from '../../../server/indicators/measure.compiler';
import { periodBuckets, targetStatus } from '../../../server/indicators/indicator.service';
import { shippedIndicators } from '../../../server/indicators/plan-targets.seed';
import { measureSchema } from '../../../server/indicators/measure.types';
import Ajv from 'ajv';

const db = new Kysely<unknown>({
  dialect: { createAdapter: () => new PostgresAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (k) => new PostgresIntrospector(k), createQueryCompiler: () => new PostgresQueryCompiler() },
});

const commune: Principal = {
  userId: 'u1', username: 'ca.xa1', displayName: 'CA', email: null, locale: 'vi', roles: ['staff'],
  agency: { id: 'a', code: 'CA-99130', name: 'CA', kind: 'police' }, jurisdiction: null, homePath: '/99/99130/', candidateGroups: [], totpEnabled: false,
};
const ctx: MeasureContext = { ability: defineAbilityFor(commune), scope: { value: '/99/99130/' }, from: '2024-01-01', to: '2024-12-31' };
const compile = (fragment: ReturnType<typeof compileCount>) => sql`SELECT ${fragment}`.compile(db);

describe('measure compiler', () => {
  it('should bind every value as a parameter and restrict rows by the viewer’s CASL rules', () => {
    // given a count with a hostile value
    const hostile = "x'); DROP TABLE person; --";
    // when it is compiled for a commune viewer
    const q = compile(compileCount({ kind: 'count', source: 'persons', where: [{ field: 'status', op: 'in', value: [hostile, 'addicted'] }] }, ctx));
    // then the SQL text holds no value, and the viewer's subtree is a bound LIKE prefix
    expect(q.sql).not.toContain('DROP');
    expect(q.sql).not.toContain('addicted');
    expect(q.parameters).toContainEqual([hostile, 'addicted']);
    expect(q.sql).toMatch(/"p"\."scope" LIKE \$\d/);
    expect(q.parameters).toContain('/99/99130/%');
  });

  it('should refuse names outside the whitelist (fields, periods, sources, statistics)', () => {
    expect(() => compileCount({ kind: 'count', source: 'persons', where: [{ field: 'password_hash', op: 'null' }] }, ctx)).toThrow(MeasureError);
    expect(() => compileCount({ kind: 'count', source: 'persons', period: 'toString' }, ctx)).toThrow(MeasureError);
    expect(() => compileCount({ kind: 'count', source: 'users' as 'persons' }, ctx)).toThrow(MeasureError);
    expect(() => compileDuration({ kind: 'duration', statistic: 'max' as 'median', from: { type: 'a.b' }, to: { type: 'c.d' } }, ctx)).toThrow(MeasureError);
    expect(() => compileCount({ kind: 'count', source: 'statuses', where: [{ field: 'status', op: 'eq', value: ['a', 'b'] }] }, ctx)).toThrow(MeasureError);
  });

  it('should compile every shipped indicator and validate it against the measure schema', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(measureSchema);
    for (const d of shippedIndicators()) {
      expect({ code: d.code, valid: validate(d.measure) }).toEqual({ code: d.code, valid: true });
      const m = d.measure;
      const fragment = m.kind === 'count' ? compileCount(m, ctx) : m.kind === 'ratio' ? compileCount(m.numerator, ctx) : compileDuration(m, ctx);
      expect(compile(fragment).sql).toContain('SELECT');
    }
  });

  it('should split a plan period into half-years and assess targets', () => {
    expect(periodBuckets('2023-08-02', '2024-12-31', 6)).toEqual([
      { from: '2023-08-02', to: '2023-12-31', label: '6T cuối 2023' },
      { from: '2024-01-01', to: '2024-06-30', label: '6T đầu 2024' },
      { from: '2024-07-01', to: '2024-12-31', label: '6T cuối 2024' },
    ]);
    expect(periodBuckets('2024-01-01', '2024-12-31', 3).map((b) => b.label)).toEqual(['Q1/2024', 'Q2/2024', 'Q3/2024', 'Q4/2024']);
    expect(targetStatus({ op: '>', value: 80 }, { value: 80 })).toBe('not_met');
    expect(targetStatus({ op: '>=', value: 100 }, { value: 100 })).toBe('met');
    expect(targetStatus(null, { value: 3 })).toBe('no_target');
    expect(targetStatus({ op: '>=', value: 1 }, { value: null })).toBe('no_data');
  });
});
