import { missingFormIds, type FormFile } from '../../../designer';
import { ApiError } from '../api/api-error';
import { formApi, type FormLintProblemRow, type FormVersionBody, type StoredFormVersion } from '../api/endpoints';

/** A stored version as the designer's form file (registry bookkeeping dropped). */
export function toFormFile(stored: StoredFormVersion): FormFile {
  const { checksum: _checksum, createdAt: _createdAt, createdBy: _createdBy, ...form } = stored;
  return form as FormFile;
}

/** What POST /api/forms takes: the form without its version (the registry numbers it). */
export function toFormBody(form: FormFile): FormVersionBody {
  const { version: _version, ...body } = form;
  return body as FormVersionBody;
}

/**
 * The latest stored version of every form the model's user tasks reference (zeebe:formDefinition
 * formId). Ids the registry does not know (404) are returned in `missing`; other errors throw.
 */
export async function loadReferencedForms(xml: string, signal?: AbortSignal): Promise<{ forms: FormFile[]; missing: string[] }> {
  const ids = missingFormIds(xml, []);
  const answers = await Promise.all(
    ids.map(async (id) => {
      try {
        return toFormFile(await formApi.latest(id, signal));
      } catch (error) {
        if (error instanceof ApiError && error.code === 'FORM_NOT_FOUND') return id;
        throw error;
      }
    }),
  );
  return { forms: answers.filter((a): a is FormFile => typeof a !== 'string'), missing: answers.filter((a): a is string => typeof a === 'string') };
}

/** The lint problems of a FORM_DEFINITION_INVALID answer (422), or null for any other error. */
export function formProblemsOfError(error: unknown): FormLintProblemRow[] | null {
  if (!(error instanceof ApiError) || error.code !== 'FORM_DEFINITION_INVALID') return null;
  const problems = (error.details as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(problems) ? (problems as FormLintProblemRow[]) : [];
}
