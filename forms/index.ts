/**
 * Public API of the forms module (DESIGN.md §6, docs/conventions.md "Forms"). One barrel for server
 * and browser: nothing here touches `window` or Node-only modules at import time. See forms/README.md.
 */
import type { Migration } from 'kysely';
import { m0002_forms } from './registry/forms.migration';

export const formsMigrations: Record<string, Migration> = { '0002_forms': m0002_forms };

// Model and errors
export * from './form.types';
export * from './form.errors';

// Formats and Vietnamese text helpers
export { isCccd, isCmnd, isVnPhone, normalizeVnPhone, isJurisdictionCode, isUuid } from './formats/vn-id.format';
export { isIsoDate, formatVnDate, parseVnDate, formatVnDateTime, parseVnDateTime } from './formats/vn-date.format';
export { formatVnNumber, parseVnNumber } from './formats/vn-number.format';

// Validation (server authority + shared ajv configuration)
export { AJV_OPTIONS, VN_FORMATS, FORM_KEYWORDS, extendAjv, createFormsAjv } from './validation/ajv.factory';
export {
  validateFormData,
  assertValidFormData,
  compileForm,
  clearValidatorCache,
  checkFormDefinition,
  toIssues,
  type ValidationMode,
  type ValidationResult,
  type ValidateOptions,
} from './validation/form.validator';
export { KEYWORD_MESSAGES, messageFor } from './validation/error-messages';
export { lintForm, RJSF_WIDGET_NAMES, QUY_TRINH_WIDGET_NAMES, type FormLintProblem } from './validation/form-lint';
export { FORBIDDEN_KEYS, guardData } from './validation/data-guard';
export { closeSchema, looseSchema } from './validation/schema-closing';
export { refineErrors, type RefinableError } from './validation/refine-errors';
export { createRjsfValidator } from './validation/rjsf.validator';

// Computed fields, pre-fill and output mapping, translations
export { applyComputed, computedFieldPaths, type ApplyComputedOptions } from './computed/apply-computed';
export type { SchemaMatcher } from './computed/active-branches';
export { setComputedCacheSize } from './computed/feel-evaluator';
export { prefill, extractOutput } from './mapping/prefill';
export { translateForm, type LocalizedForm } from './translations/translate-form';
export { decorateUiSchema } from './translations/decorate-ui-schema';
export { rjsfStringTranslator } from './translations/rjsf-strings';

// Persistence: registry, drafts, draft migrations, attachments
export type { FormsTables, FormDefinitionTable, FormDraftTable, AttachmentTable, FormsDb, Clock } from './registry/forms.tables';
export {
  saveForm,
  getForm,
  getLatestForm,
  requireForm,
  listForms,
  listFormVersions,
  formExists,
  formExistsCallback,
  type StoredForm,
  type SaveFormInput,
  type SaveFormResult,
  type FormSummary,
} from './registry/form.repository';
export { formChecksum, canonicalJson } from './registry/form-checksum';
export { saveDraft, getDraft, deleteDraft, type Draft, type SaveDraftInput } from './registry/draft.repository';
export {
  registerDraftMigration,
  migrateDraft,
  draftMigrations,
  DraftMigrationRegistry,
  type DraftMigrationFn,
} from './registry/draft-migrations';
export {
  storeAttachment,
  getAttachment,
  getAttachmentMeta,
  listAttachmentMeta,
  sanitizeFileName,
  DEFAULT_ATTACHMENT_MAX_BYTES,
  type StoreAttachmentInput,
  type AttachmentMeta,
  type Attachment,
} from './attachments/attachment.repository';
export { sniffContentType, SNIFFED_TYPES, type SniffedType } from './attachments/content-sniffer';

// RJSF theme and widgets (React; safe to import in Node)
export {
  quyTrinhFormProps,
  quyTrinhTheme,
  quyTrinhWidgets,
  quyTrinhFields,
  quyTrinhTemplates,
  computeOnChange,
  refineRjsfErrors,
  type QuyTrinhFormProps,
} from './theme';
export type { QuyTrinhFormContext, JurisdictionOption, PersonOption, UploadedFile } from './widgets/form-context';
export { VnDateWidget, VnDateTimeWidget } from './widgets/vn-date.widget';
export { IdNumberWidget, VnPhoneWidget } from './widgets/id-number.widget';
export { JurisdictionWidget } from './widgets/jurisdiction.widget';
export { PersonWidget } from './widgets/person.widget';
export { FileWidget, DEFAULT_UPLOAD_MAX_BYTES } from './widgets/file.widget';
export { SummaryWidget } from './widgets/summary.widget';
export { SignatureField, SummarySectionField } from './widgets/signature.field';
export { SignatureWidget } from './widgets/signature.widget';
export { ArrayTableTemplate, ArrayTableItemTemplate } from './templates/array-table.template';
