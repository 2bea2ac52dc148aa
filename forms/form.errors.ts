import type { FormValidationIssue } from './form.types';

/** Base of the typed domain errors of the forms module; `code` is stable (server/errors.ts maps it). */
export class FormsError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Submitted (or draft) data does not satisfy the form. `issues` are field-level, vi + en. */
export class FormValidationError extends FormsError {
  constructor(
    readonly issues: FormValidationIssue[],
    readonly formId?: string,
  ) {
    super('FORM_INVALID', `form data invalid: ${issues.map((i) => `${i.path || '/'} ${i.keyword}`).join(', ')}`);
  }
}

/** A form definition itself is broken (schema does not compile in strict mode, bad id …). */
export class FormDefinitionError extends FormsError {
  constructor(
    message: string,
    readonly formId?: string,
  ) {
    super('FORM_DEFINITION_INVALID', message);
  }
}

export class FormNotFoundError extends FormsError {
  constructor(
    readonly formId: string,
    readonly version?: number,
  ) {
    super('FORM_NOT_FOUND', `form ${formId}${version === undefined ? '' : ` v${version}`} not found`);
  }
}

/** Saving version N of a form whose stored version N has different content. */
export class FormVersionConflictError extends FormsError {
  constructor(
    readonly formId: string,
    readonly version: number,
  ) {
    super('FORM_VERSION_CONFLICT', `form ${formId} v${version} already exists with different content`);
  }
}

/** No draft migration registered for a version step. */
export class DraftMigrationMissingError extends FormsError {
  constructor(
    readonly formId: string,
    readonly fromVersion: number,
  ) {
    super('DRAFT_MIGRATION_MISSING', `no draft migration for ${formId} from v${fromVersion}`);
  }
}

export class AttachmentTooLargeError extends FormsError {
  constructor(
    readonly size: number,
    readonly maxBytes: number,
  ) {
    super('ATTACHMENT_TOO_LARGE', `attachment of ${size} bytes exceeds ${maxBytes} bytes`);
  }
}

export class AttachmentTypeRefusedError extends FormsError {
  constructor(
    readonly reason: string,
    readonly sniffedType?: string,
    readonly declaredType?: string,
  ) {
    super('ATTACHMENT_TYPE_REFUSED', reason);
  }
}

export class AttachmentNotFoundError extends FormsError {
  constructor(readonly attachmentId: string) {
    super('ATTACHMENT_NOT_FOUND', `attachment ${attachmentId} not found`);
  }
}

/** An `x-computed` expression could not be evaluated (syntax error in the form definition). */
export class ComputedFieldError extends FormsError {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super('FORM_COMPUTED_INVALID', `computed field ${path}: ${message}`);
  }
}
