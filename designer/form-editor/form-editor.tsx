import { useEffect, useState } from 'react';
import type { FormDefinition } from '../../forms';
import type { DesignerLocale } from '../i18n/translate.module';
import { uiText } from '../i18n/ui-messages';
import '../designer.css';
import { FIELD_KINDS } from './field-kinds';
import { FieldSettings } from './field-settings';
import { FormPreview } from './form-preview';
import { addField, emptyForm, listFields, moveField, removeField, setCondition, setOptions, setRequired, setTitle } from './form-model';

export interface FormEditorProps {
  /** The form to edit; a new empty form when absent. */
  form?: FormDefinition;
  locale?: DesignerLocale;
  onChange?(form: FormDefinition): void;
}

/**
 * The form editor: a field palette, each field's settings, raw JSON for experts and a live
 * preview with sample data. Writes JSON Schema + uiSchema + translations in the form format of
 * docs/conventions.md.
 */
export function FormEditor({ form: initial, locale = 'vi', onChange }: FormEditorProps) {
  const [form, setForm] = useState<FormDefinition>(() => initial ?? emptyForm('form.new'));
  const [json, setJson] = useState(() => JSON.stringify(form, null, 2));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const t = (key: Parameters<typeof uiText>[1], values?: Record<string, string>) => uiText(locale, key, values);

  useEffect(() => {
    if (initial) setForm(initial);
  }, [initial]);

  const update = (next: FormDefinition) => {
    setForm(next);
    setJson(JSON.stringify(next, null, 2));
    onChange?.(next);
  };

  const applyJson = () => {
    try {
      const parsed = JSON.parse(json) as FormDefinition;
      if (typeof parsed.id !== 'string' || typeof parsed.schema !== 'object' || parsed.schema?.type !== 'object') {
        throw new Error('id, schema.type = "object"');
      }
      setJsonError(null);
      update(parsed);
    } catch (e) {
      setJsonError(t('form.jsonInvalid', { message: (e as Error).message }));
    }
  };

  const fields = listFields(form);
  return (
    <div className="qt-form-editor" data-testid="form-editor">
      <nav aria-label={t('form.palette')}>
        <h3>{t('form.palette')}</h3>
        {FIELD_KINDS.map((spec) => (
          <button key={spec.kind} type="button" data-kind={spec.kind} onClick={() => update(addField(form, spec.kind).form)}>
            + {spec.label[locale]}
          </button>
        ))}
      </nav>
      <section>
        <label>
          {t('form.id')} <input value={form.id} onChange={(e) => update({ ...form, id: e.target.value })} />
        </label>
        <label>
          {t('form.title')} <input value={form.title.vi} onChange={(e) => update({ ...form, title: { ...form.title, vi: e.target.value } })} />
        </label>
        <h3>{t('form.fields')}</h3>
        {fields.map((field) => (
          <FieldSettings
            key={field.key}
            field={field}
            others={fields.filter((other) => other.key !== field.key)}
            locale={locale}
            onTitle={(lang, title) => update(setTitle(form, field.key, lang, title))}
            onRequired={(required) => update(setRequired(form, field.key, required))}
            onOptions={(options) => update(setOptions(form, field.key, options))}
            onCondition={(condition) => update(setCondition(form, field.key, condition))}
            onMove={(delta) => update(moveField(form, field.key, delta))}
            onRemove={() => update(removeField(form, field.key))}
          />
        ))}
        <details>
          <summary>{t('form.json')}</summary>
          <textarea value={json} onChange={(e) => setJson(e.target.value)} data-testid="form-json" />
          <button type="button" onClick={applyJson}>
            {t('form.apply')}
          </button>
          {jsonError && <p role="alert">{jsonError}</p>}
        </details>
      </section>
      <FormPreview form={form} locale={locale} />
    </div>
  );
}
