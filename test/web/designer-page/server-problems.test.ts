import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../web/src/api/api-error';
import { parseMapping, problemsOfError, serverProblemText, toDesignerProblems } from '../../../web/src/designer-page/server-problems';

describe('server problems on the designer page', () => {
  it('should turn deploy problems into designer errors on their elements, in Vietnamese', () => {
    // given the engine's answer to a model with an unknown form and a problem without element
    const problems = [
      { elementId: 'Task_Review', message: 'unknown form dossier.review' },
      { elementId: null, message: 'no process with flow elements in the model' },
    ];
    // when
    const mapped = toDesignerProblems(problems, 'vi');
    // then
    expect(mapped).toEqual([
      { id: 'Task_Review', message: 'Máy chủ: Không có biểu mẫu "dossier.review" trên máy chủ', category: 'error', rule: 'server' },
      { id: '', message: 'Máy chủ: Mô hình không có quy trình nào có bước', category: 'error', rule: 'server' },
    ]);
  });

  it('should keep the English text in English and unknown messages as sent', () => {
    // given
    const problem = { elementId: 'Gateway_1', message: 'gateway without outgoing flow' };
    // when / then
    expect(serverProblemText({ elementId: 'T', message: 'unknown form x' }, 'en')).toBe('unknown form x');
    expect(serverProblemText(problem, 'vi')).toBe('gateway without outgoing flow');
    expect(toDesignerProblems([problem], 'en')[0].message).toBe('Server: gateway without outgoing flow');
  });

  it('should pick the language of a bilingual message', () => {
    // when / then
    expect(serverProblemText({ elementId: null, message: { vi: 'Thiếu biểu mẫu', en: 'Form missing' } }, 'vi')).toBe('Thiếu biểu mẫu');
    expect(serverProblemText({ elementId: null, message: { vi: 'Thiếu biểu mẫu', en: 'Form missing' } }, 'en')).toBe('Form missing');
  });

  it('should read the problems of a DEPLOY_INVALID answer and nothing from other errors', () => {
    // given
    const invalid = new ApiError(422, 'DEPLOY_INVALID', { vi: 'Mô hình không hợp lệ', en: 'Invalid model' }, { problems: [{ elementId: 'A', message: 'x' }, 'junk'] });
    const forbidden = new ApiError(403, 'FORBIDDEN', { vi: 'Không có quyền', en: 'Forbidden' });
    // when / then
    expect(problemsOfError(invalid)).toEqual([{ elementId: 'A', message: 'x' }]);
    expect(problemsOfError(forbidden)).toBeNull();
    expect(problemsOfError(new Error('network'))).toBeNull();
  });

  it('should parse the migration mapping lines and report the first bad one', () => {
    // when
    const good = parseMapping('Task_Old = Task_New\n\n  Gateway_A=Gateway_B ');
    const bad = parseMapping('Task_Old=Task_New\nnot a mapping');
    // then
    expect(good).toEqual({ mapping: { Task_Old: 'Task_New', Gateway_A: 'Gateway_B' }, error: null });
    expect(bad.error).toBe('not a mapping');
  });
});
