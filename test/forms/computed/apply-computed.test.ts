import { describe, expect, it } from 'vitest';
import {
  applyComputed,
  ComputedFieldError,
  computedFieldPaths,
  setComputedCacheSize,
  validateFormData,
  type JsonObject,
} from '../../../forms/index';
import { tt18, tt18Valid } from '../support';

const CRITERIA = ['craving', 'control', 'tolerance', 'neglect', 'harm', 'withdrawal'] as const;

/** TT18 Art 4 step 3, written independently of the FEEL expression. */
function expectedConclusion(flags: boolean[]): string {
  const count = flags.filter(Boolean).length;
  if (count >= 3) return 'nghien';
  if (count === 2 && !flags[5]) return 'can_theo_doi_them';
  return 'khong_nghien';
}

const allCombinations = Array.from({ length: 64 }, (_, mask) => CRITERIA.map((_, bit) => (mask & (1 << bit)) !== 0));

describe('applyComputed — x-computed FEEL fields', () => {
  it.each(allCombinations.map((flags) => [flags.map(Number).join(''), flags] as const))(
    'should conclude TT18 criteria %s exactly as the rule says',
    (_label, flags) => {
      // given
      const criteria = Object.fromEntries(CRITERIA.map((c, i) => [c, flags[i]]));
      // when
      const out = applyComputed(tt18().schema, { criteria });
      // then
      expect(out.criteriaCount).toBe(flags.filter(Boolean).length);
      expect(out.conclusion).toBe(expectedConclusion(flags));
    },
  );

  it('should give identical results with the FEEL memo disabled', () => {
    setComputedCacheSize(0);
    try {
      for (const flags of allCombinations.slice(0, 16)) {
        const criteria = Object.fromEntries(CRITERIA.map((c, i) => [c, flags[i]]));
        expect(applyComputed(tt18().schema, { criteria, fullName: String(Math.random()) }).conclusion).toBe(expectedConclusion(flags));
      }
    } finally {
      setComputedCacheSize(2_000);
    }
  });

  it('should not let a memoised result be mutated by a caller', () => {
    const schema = { type: 'object', properties: { a: { type: 'number' }, list: { type: 'array', 'x-computed': '[a, a]' } } };
    const first = applyComputed(schema, { a: 1 });
    (first.list as number[]).push(99);
    expect(applyComputed(schema, { a: 1 }).list).toEqual([1, 1]);
  });

  it('should make the server override the client value of a computed field', () => {
    // given: 1 criterion, client claims "nghien" and a wrong count
    const data = tt18Valid();
    data.criteria = { craving: true, control: false, tolerance: false, neglect: false, harm: false, withdrawal: false };
    data.conclusion = 'nghien';
    data.criteriaCount = 6;
    // when
    const result = validateFormData(tt18(), data);
    // then
    expect(result.valid).toBe(true);
    expect(result.data.conclusion).toBe('khong_nghien');
    expect(result.data.criteriaCount).toBe(1);
  });

  it('should fill a required computed field the client left out', () => {
    // given
    const data = tt18Valid();
    delete data.conclusion;
    // when
    const result = validateFormData(tt18(), data);
    // then
    expect(result.valid).toBe(true);
    expect(result.data.conclusion).toBe('nghien');
  });

  it('should remove a computed field whose expression yields null', () => {
    // given: no criteria at all
    const out = applyComputed(tt18().schema, { conclusion: 'nghien' });
    // then
    expect(out.conclusion).toBeUndefined();
  });

  it('should not mutate its input', () => {
    const input: JsonObject = { criteria: { craving: true } };
    applyComputed(tt18().schema, input);
    expect(input).toEqual({ criteria: { craving: true } });
  });

  it('should compute inside array items and see the root', () => {
    // given
    const schema = {
      type: 'object',
      properties: {
        rate: { type: 'number' },
        lines: {
          type: 'array',
          items: {
            type: 'object',
            properties: { qty: { type: 'number' }, total: { type: 'number', 'x-computed': 'qty * root.rate' } },
          },
        },
        sum: { type: 'number', 'x-computed': 'sum(for l in lines return l.total)' },
      },
    };
    // when
    const out = applyComputed(schema, { rate: 2, lines: [{ qty: 1 }, { qty: 4, total: 99 }] });
    // then
    expect(out).toEqual({ rate: 2, lines: [{ qty: 1, total: 2 }, { qty: 4, total: 8 }], sum: 10 });
  });

  it('should compute a branch field only when its branch applies', () => {
    // given
    const schema = {
      type: 'object',
      properties: { kind: { type: 'string' }, n: { type: 'number' } },
      if: { properties: { kind: { const: 'double' } }, required: ['kind'] },
      then: { properties: { doubled: { type: 'number', 'x-computed': 'n * 2' } } },
      else: { properties: { label: { type: 'string', 'x-computed': '"n=" + string(n)' } } },
    };
    // when / then
    expect(applyComputed(schema, { kind: 'double', n: 3 })).toEqual({ kind: 'double', n: 3, doubled: 6 });
    expect(applyComputed(schema, { kind: 'other', n: 3 })).toEqual({ kind: 'other', n: 3, label: 'n=3' });
  });

  it('should accept a leading "=" (Camunda style) and report broken expressions with a typed error', () => {
    const ok = { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number', 'x-computed': '= a + 1' } } };
    expect(applyComputed(ok, { a: 1 }).b).toBe(2);
    const broken = { type: 'object', properties: { b: { type: 'number', 'x-computed': 'if then else (' } } };
    expect(() => applyComputed(broken, {})).toThrow(ComputedFieldError);
  });

  it('should list computed field paths', () => {
    expect(computedFieldPaths(tt18().schema)).toEqual(['/criteriaCount', '/conclusion']);
  });
});
