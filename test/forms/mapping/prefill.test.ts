import { describe, expect, it } from 'vitest';
import { extractOutput, prefill, validateFormData } from '../../../forms/index';
import { tt18, tt18Valid } from '../support';

describe('prefill and extractOutput', () => {
  it('should fill fields from variables of the same name, skipping unknown and mistyped ones', () => {
    // given
    const variables = { fullName: 'Lê Văn C', communeCode: '19300', caseId: 'c-1', phone: 912345678, criteria: { craving: true, evil: 1 } };
    // when
    const data = prefill(tt18(), variables);
    // then
    expect(data).toEqual({ fullName: 'Lê Văn C', communeCode: '19300', criteria: { craving: true }, criteriaCount: 1, conclusion: 'khong_nghien' });
  });

  it('should follow an explicit x-source mapping (dotted path)', () => {
    // given
    const form = {
      schema: {
        type: 'object',
        properties: {
          name: { type: 'string', 'x-source': 'person.fullName' },
          dob: { type: 'string', format: 'date', 'x-source': 'person.dateOfBirth' },
          missing: { type: 'string', 'x-source': 'nothing.here' },
        },
      },
    };
    // when
    const data = prefill(form, { person: { fullName: 'Phạm D', dateOfBirth: '2000-01-02' }, name: 'ignored' });
    // then
    expect(data).toEqual({ name: 'Phạm D', dob: '2000-01-02' });
  });

  it('should take fields of every branch (the branch is decided later by the user)', () => {
    expect(prefill(tt18(), { passportNumber: 'B1234567', idNumber: '001090012345' })).toEqual({
      passportNumber: 'B1234567',
      idNumber: '001090012345',
    });
  });

  it('should extract only defined fields as typed process variables, honouring x-output', () => {
    // given
    const validated = validateFormData(tt18(), tt18Valid()).data;
    const form = {
      schema: {
        ...tt18().schema,
        properties: {
          ...(tt18().schema.properties as object),
          conclusion: { ...((tt18().schema.properties as Record<string, object>).conclusion), 'x-output': 'addictionConclusion' },
          attachments: { type: 'array', items: { type: 'string' }, 'x-output': false },
        },
      },
    };
    // when
    const out = extractOutput(form, { ...validated, attachments: ['x'], notInForm: 1 });
    // then
    expect(out.addictionConclusion).toBe('nghien');
    expect(out.conclusion).toBeUndefined();
    expect(out.attachments).toBeUndefined();
    expect(out.notInForm).toBeUndefined();
    expect(out.criteriaCount).toBe(3);
    expect(out.criteria).toEqual({ craving: true, control: true, tolerance: true, neglect: false, harm: false, withdrawal: false });
    expect(out.custody).toEqual({ decisionNumber: '12/QĐ-CAX', decisionDate: '2026-03-01' });
  });
});
