import { describe, expect, it } from 'vitest';
import { translateForm } from '../../../forms/index';
import { tt18 } from '../support';

type S = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- schema navigation in assertions

describe('translateForm', () => {
  it('should return the Vietnamese schema itself for vi', () => {
    const form = tt18();
    const vi = translateForm(form, 'vi');
    expect(vi.schema).toBe(form.schema);
    expect(vi.title).toBe('Phiếu kết quả xác định tình trạng nghiện ma túy');
  });

  it('should overlay English titles at every depth, in branches, array items, and enumNames + help', () => {
    // given
    const form = tt18();
    // when
    const en = translateForm(form, 'en');
    const s = en.schema as S;
    // then
    expect(en.title).toBe('Addiction determination result');
    expect(s.title).toBe('Addiction determination result');
    expect(s.properties.fullName.title).toBe('Full name');
    expect(s.properties.criteria.properties.withdrawal.title).toBe('6. Withdrawal state');
    expect(s.properties.idType.enumNames).toEqual(['Citizen identity card', 'Identity card', 'Passport']);
    expect(s.allOf[0].then.properties.passportNumber.title).toBe('Passport number');
    expect(s.allOf[0].else.properties.idNumber.title).toBe('ID number');
    expect(s.dependencies.inCustody.oneOf[1].properties.custody.properties.decisionDate.title).toBe('Decision date');
    expect(s.properties.drugTests.items.properties.date.title).toBe('Test date');
    expect((en.uiSchema as S).communeCode['ui:help']).toBe('Pick the province, then the commune');
    // untranslated keeps Vietnamese; input untouched
    expect(s.properties.approval.properties.position.title).toBe('Chức vụ');
    expect((form.schema as S).properties.fullName.title).toBe('Họ và tên');
  });

  it('should translate oneOf const titles and ui:enumNames', () => {
    const form = {
      title: { vi: 'A', en: 'B' },
      schema: { type: 'object', properties: { sex: { type: 'string', oneOf: [{ const: 'm', title: 'Nam' }, { const: 'f', title: 'Nữ' }] } } },
      uiSchema: { sex: { 'ui:enumNames': ['Nam', 'Nữ'] } },
      translations: { en: { sex: { enumNames: ['Male', 'Female'] } } },
    };
    const en = translateForm(form, 'en');
    expect((en.schema as S).properties.sex.oneOf.map((o: S) => o.title)).toEqual(['Male', 'Female']);
    expect((en.uiSchema as S).sex['ui:enumNames']).toEqual(['Male', 'Female']);
  });
});
