import { describe, expect, it } from 'vitest';
import { lintForm, QUY_TRINH_WIDGET_NAMES, quyTrinhWidgets, type FormDefinition } from '../../../forms/index';
import { tt18 } from '../support';

describe('lintForm', () => {
  it('should find no errors in the fixture and warn about untranslated titles', () => {
    // when
    const problems = lintForm(tt18());
    // then
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.map((p) => `${p.code} ${p.path}`)).toContain('TRANSLATION_MISSING /translations/en/approval.position');
  });

  it('should report each kind of problem with a vi/en message and a path', () => {
    // given
    const form: FormDefinition = {
      id: 'lint.bad',
      version: 1,
      title: { vi: 'X', en: 'X' },
      schema: {
        type: 'object',
        properties: {
          a: { type: 'string', title: 'A' },
          b: { type: 'string', 'x-computed': 'if then (' },
          list: { type: 'array', items: { type: 'object', properties: { c: { type: 'string' } } } },
        },
      },
      uiSchema: { 'ui:order': ['a', 'ghost', '*'], a: { 'ui:widget': 'fancy' }, list: { items: { c: { 'ui:widget': 'nope' } } } },
      translations: { en: { a: { title: 'A' }, 'list.c': { title: 'C' }, missing: { title: 'M' } } },
      examples: { valid: [{ a: 1 }] as never },
    };
    // when
    const problems = lintForm(form);
    // then
    expect(problems.map((p) => `${p.severity} ${p.code} ${p.path}`)).toEqual([
      'error FORM_DEFINITION_INVALID /schema',
      'error COMPUTED_SYNTAX /schema/properties/b/x-computed',
      'error UI_ORDER_UNKNOWN_FIELD /uiSchema/ui:order',
      'error UI_UNKNOWN_WIDGET /uiSchema/a/ui:widget',
      'error UI_UNKNOWN_WIDGET /uiSchema/list/items/c/ui:widget',
      'warning TRANSLATION_UNKNOWN_FIELD /translations/en/missing',
    ]);
    expect(problems[3].message).toEqual({ vi: 'Không có widget "fancy"', en: 'No widget named "fancy"' });
  });

  it('should warn about a nested object defined in several branches', () => {
    const form: FormDefinition = {
      id: 'lint.multi',
      version: 1,
      title: { vi: 'X', en: 'X' },
      schema: {
        type: 'object',
        properties: { addr: { type: 'object', properties: { street: { type: 'string' } } } },
        oneOf: [{ properties: { addr: { properties: { city: { type: 'string' } } } } }, { required: ['addr'] }],
      },
    };
    expect(lintForm(form).filter((p) => p.code === 'NESTED_OBJECT_MULTIPLY_DEFINED').map((p) => p.path)).toEqual(['/addr']);
  });

  it('should know exactly the widgets the theme registers', () => {
    expect([...QUY_TRINH_WIDGET_NAMES].sort()).toEqual(Object.keys(quyTrinhWidgets).sort());
  });
});
