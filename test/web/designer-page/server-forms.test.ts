import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../web/src/api/api-error';
import { formApi } from '../../../web/src/api/endpoints';
import { formProblemsOfError, loadReferencedForms, toFormBody, toFormFile } from '../../../web/src/designer-page/server-forms';

const procedureXml = readFileSync('test/designer/fixtures/parent-procedure.bpmn', 'utf8');
const stored = {
  id: 'determination.request', version: 3, title: { vi: 'Đề nghị xác định', en: 'Determination request' },
  schema: { type: 'object', properties: { reason: { type: 'string' } } }, uiSchema: {}, translations: { en: {} }, examples: {},
  checksum: 'abc', createdAt: '2026-11-25T01:00:00.000Z', createdBy: 'admin',
};
const notFound = { error: { code: 'FORM_NOT_FOUND', message: { vi: 'Không tìm thấy biểu mẫu.', en: 'Form not found.' } } };

function stubFetch(answer: (url: string, init: RequestInit) => { status: number; body: unknown }) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const { status, body } = answer(url, init);
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

describe('forms of a procedure opened from the server', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('should load the latest version of every referenced form and list the ones the registry lacks', async () => {
    // given the registry knows determination.request only
    const calls = stubFetch((url) => (url === '/api/forms/determination.request' ? { status: 200, body: stored } : { status: 404, body: notFound }));
    // when
    const { forms, missing } = await loadReferencedForms(procedureXml);
    // then
    expect(calls.map((c) => c.url).sort()).toEqual(['/api/forms/determination.conclusion', '/api/forms/determination.request']);
    expect(forms).toEqual([{ id: 'determination.request', version: 3, title: stored.title, schema: stored.schema, uiSchema: {}, translations: { en: {} }, examples: {} }]);
    expect(missing).toEqual(['determination.conclusion']);
  });

  it('should let other errors through (a refused read is not a missing form)', async () => {
    // given
    stubFetch(() => ({ status: 403, body: { error: { code: 'FORBIDDEN', message: { vi: 'Không có quyền', en: 'Forbidden' } } } }));
    // when / then
    await expect(loadReferencedForms(procedureXml)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('should post the form without its version and read the saved version back', async () => {
    // given
    const calls = stubFetch(() => ({ status: 201, body: { form: { ...stored, version: 4 }, created: true, warnings: [] } }));
    const edited = toFormFile(stored);
    // when
    const answer = await formApi.save(toFormBody(edited));
    // then
    expect(calls[0].init.method).toBe('POST');
    const sent = JSON.parse(String(calls[0].init.body)) as Record<string, unknown>;
    expect(sent.version).toBeUndefined();
    expect(sent.id).toBe('determination.request');
    expect(toFormFile(answer.form).version).toBe(4);
  });

  it('should read the lint problems of a FORM_DEFINITION_INVALID answer and nothing from other errors', () => {
    // given
    const problem = { severity: 'error', code: 'UI_UNKNOWN_WIDGET', path: '/uiSchema/a', message: { vi: 'Không có widget', en: 'Unknown widget' } };
    const invalid = new ApiError(422, 'FORM_DEFINITION_INVALID', { vi: 'Định nghĩa biểu mẫu không hợp lệ.', en: 'The form definition is invalid.' }, { problems: [problem] });
    // when / then
    expect(formProblemsOfError(invalid)).toEqual([problem]);
    expect(formProblemsOfError(new ApiError(403, 'FORBIDDEN', { vi: 'x', en: 'x' }))).toBeNull();
  });
});
