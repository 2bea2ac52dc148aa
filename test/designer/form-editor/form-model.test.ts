import { describe, expect, it } from 'vitest';
import { checkFormDefinition, validateFormData } from '../../../forms';
import { addField, emptyForm, listFields, moveField, removeField, setCondition, setRequired, setTitle } from '../../../designer';

describe('form model (form editor)', () => {
  it('should add palette fields in the conventions format with vi titles and en translations', () => {
    // given
    let form = emptyForm('test.form');
    // when
    form = addField(form, 'idNumber').form;
    form = addField(form, 'date').form;
    form = setTitle(form, 'idNumber1', 'vi', 'Số CCCD của người nghiện');
    form = setTitle(form, 'idNumber1', 'en', 'Citizen ID');
    // then
    expect(form.schema.properties).toEqual({
      idNumber1: { type: 'string', format: 'cccd', title: 'Số CCCD của người nghiện' },
      date1: { type: 'string', format: 'date', title: 'Ngày' },
    });
    expect(form.uiSchema).toEqual({ 'ui:order': ['idNumber1', 'date1', '*'], idNumber1: { 'ui:widget': 'id-number' }, date1: { 'ui:widget': 'vn-date' } });
    expect(form.translations?.en).toEqual({ idNumber1: { title: 'Citizen ID' }, date1: { title: 'Date' } });
    expect(() => checkFormDefinition(form)).not.toThrow();
  });

  it('should make a field required and conditional, enforced by the forms validator', () => {
    // given a choice and a text only needed when the choice is "Có"
    let form = emptyForm('test.conditional');
    form = addField(form, 'choice').form;
    form = addField(form, 'text').form;
    form = setRequired(form, 'text1', true);
    // when
    form = setCondition(form, 'text1', { field: 'choice1', equals: 'Có' });
    // then
    expect(listFields(form).find((f) => f.key === 'text1')).toMatchObject({ required: true, condition: { field: 'choice1', equals: 'Có' } });
    expect(validateFormData(form, { choice1: 'Không' }).valid).toBe(true);
    expect(validateFormData(form, { choice1: 'Có' }).valid).toBe(false);
    expect(validateFormData(form, { choice1: 'Có', text1: 'Lý do' }).valid).toBe(true);
    // and back to unconditional, still required
    form = setCondition(form, 'text1', null);
    expect(form.schema.allOf).toBeUndefined();
    expect(form.schema.required).toEqual(['text1']);
  });

  it('should reorder and remove fields', () => {
    let form = emptyForm('test.order');
    for (const kind of ['text', 'number', 'date'] as const) form = addField(form, kind).form;
    form = moveField(form, 'date1', -1);
    expect(listFields(form).map((f) => f.key)).toEqual(['text1', 'date1', 'number1']);
    form = removeField(form, 'text1');
    expect(listFields(form).map((f) => f.key)).toEqual(['date1', 'number1']);
    expect(form.translations?.en?.text1).toBeUndefined();
  });
});
