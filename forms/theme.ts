import type { FormProps } from '@rjsf/core';
import type { RegistryFieldsType, RegistryWidgetsType, RJSFValidationError, TemplatesType } from '@rjsf/utils';
import { applyComputed } from './computed/apply-computed';
import type { FormDefinition, FormUiSchema, JsonObject, Locale } from './form.types';
import { ArrayTableItemTemplate, ArrayTableTemplate } from './templates/array-table.template';
import { QuyTrinhObjectField, QuyTrinhObjectFieldTemplate } from './templates/object-field.template';
import { decorateUiSchema } from './translations/decorate-ui-schema';
import { rjsfStringTranslator } from './translations/rjsf-strings';
import { translateForm } from './translations/translate-form';
import { refineErrors } from './validation/refine-errors';
import { createRjsfValidator } from './validation/rjsf.validator';
import { FileWidget } from './widgets/file.widget';
import type { QuyTrinhFormContext } from './widgets/form-context';
import { IdNumberWidget, VnPhoneWidget } from './widgets/id-number.widget';
import { JurisdictionWidget } from './widgets/jurisdiction.widget';
import { PersonWidget } from './widgets/person.widget';
import { SignatureField } from './widgets/signature.field';
import { SignatureWidget } from './widgets/signature.widget';
import { SummaryWidget } from './widgets/summary.widget';
import { VnDateTimeWidget, VnDateWidget } from './widgets/vn-date.widget';

/** `ui:widget` names of docs/conventions.md. */
export const quyTrinhWidgets: RegistryWidgetsType = {
  'vn-date': VnDateWidget,
  'vn-datetime': VnDateTimeWidget,
  'id-number': IdNumberWidget,
  'vn-phone': VnPhoneWidget,
  jurisdiction: JurisdictionWidget,
  person: PersonWidget,
  file: FileWidget,
  summary: SummaryWidget,
  signature: SignatureWidget,
};

export const quyTrinhFields: RegistryFieldsType = {
  ObjectField: QuyTrinhObjectField,
  signature: SignatureField,
};

export const quyTrinhTemplates: Partial<TemplatesType> = {
  ArrayFieldTemplate: ArrayTableTemplate,
  ArrayFieldItemTemplate: ArrayTableItemTemplate,
  ObjectFieldTemplate: QuyTrinhObjectFieldTemplate,
};

/** Everything a host needs to render our forms with RJSF (`withTheme(quyTrinhTheme(locale))` works too). */
export function quyTrinhTheme(locale: Locale = 'vi') {
  return {
    widgets: quyTrinhWidgets,
    fields: quyTrinhFields,
    templates: quyTrinhTemplates,
    validator: createRjsfValidator(locale),
  };
}

export type QuyTrinhFormProps = Pick<
  FormProps,
  | 'schema'
  | 'uiSchema'
  | 'validator'
  | 'widgets'
  | 'fields'
  | 'templates'
  | 'formContext'
  | 'omitExtraData'
  | 'liveOmit'
  | 'showErrorList'
  | 'noHtml5Validate'
  | 'idPrefix'
  | 'transformErrors'
  | 'translateString'
>;

/**
 * Props for `<Form {...quyTrinhFormProps(form, locale, { formContext })} formData={data} onChange=… />`:
 * the localized schema/uiSchema, our widgets/templates/fields, the shared validator, errors listed at
 * the top and next to fields, and extra data of branches no longer shown omitted (the server rejects
 * fields the form does not define), RJSF's own labels in the locale, x-computed fields read-only.
 * Keep x-computed fields live with `computeOnChange(form)`.
 */
export function quyTrinhFormProps(
  form: Pick<FormDefinition, 'id' | 'title' | 'schema' | 'uiSchema' | 'translations'>,
  locale: Locale = 'vi',
  options: { formContext?: QuyTrinhFormContext; idPrefix?: string } = {},
): QuyTrinhFormProps {
  const localized = translateForm(form, locale);
  return {
    schema: localized.schema,
    uiSchema: withSubmitText(decorateUiSchema(localized.schema, localized.uiSchema), locale),
    ...quyTrinhTheme(locale),
    formContext: { ...options.formContext, locale },
    omitExtraData: true,
    liveOmit: 'onChange',
    showErrorList: 'top',
    noHtml5Validate: true,
    idPrefix: options.idPrefix ?? 'root',
    transformErrors: refineRjsfErrors,
    translateString: rjsfStringTranslator(locale),
  };
}

function withSubmitText(uiSchema: FormUiSchema, locale: Locale): FormUiSchema {
  if ('ui:submitButtonOptions' in uiSchema) return uiSchema;
  return { ...uiSchema, 'ui:submitButtonOptions': { submitText: locale === 'en' ? 'Complete' : 'Hoàn thành' } };
}

/** Same refinement as the server's issues (best oneOf member, no `if` wrappers, no cascades). */
export function refineRjsfErrors(errors: RJSFValidationError[]): RJSFValidationError[] {
  return refineErrors(errors, (e) => ({
    keyword: e.name ?? '',
    schemaPath: e.schemaPath ?? '',
    path: `/${(e.property ?? '').replace(/^\./, '').split('.').filter(Boolean).join('/')}`,
  }));
}

/** For `onChange`: the changed data with every x-computed field recomputed (same function as the server). */
export function computeOnChange(form: Pick<FormDefinition, 'schema'>): (formData: unknown) => JsonObject {
  return (formData) =>
    applyComputed(form.schema, typeof formData === 'object' && formData !== null && !Array.isArray(formData) ? (formData as JsonObject) : {});
}
