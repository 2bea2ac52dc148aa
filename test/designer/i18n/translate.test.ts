import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTranslate, viTranslations } from '../../../designer';

/** The `translate('…')` templates of a bpmn-js source file. */
function templatesOf(path: string): string[] {
  return [...readFileSync(`node_modules/${path}`, 'utf8').matchAll(/translate\(\s*'([^']+)'/g)].map((m) => m[1]);
}

describe('designer translations', () => {
  it('should translate to Vietnamese and fill placeholders', () => {
    const translate = createTranslate('vi');
    expect(translate('Create start event')).toBe('Tạo sự kiện bắt đầu');
    expect(translate('{errors} Errors, {warnings} Warnings', { errors: 2, warnings: 0 })).toBe('2 lỗi, 0 cảnh báo');
    expect(translate('Some new bpmn-js label')).toBe('Some new bpmn-js label');
  });

  it('should keep English as the identity', () => {
    expect(createTranslate('en')('Create start event')).toBe('Create start event');
  });

  it('should cover every palette and context pad label of the installed bpmn-js', () => {
    const templates = [
      ...templatesOf('bpmn-js/lib/features/palette/PaletteProvider.js'),
      ...templatesOf('bpmn-js/lib/features/context-pad/ContextPadProvider.js'),
    ];
    expect(templates.length).toBeGreaterThan(20);
    expect(templates.filter((template) => !(template in viTranslations))).toEqual([]);
  });

  it('should cover the properties panel group labels an admin sees on executable elements', () => {
    for (const label of ['General', 'Assignment', 'Form', 'Task definition', 'Inputs', 'Outputs', 'Timer', 'Message', 'Condition', 'Called element', 'Multi-instance', 'Due date', 'Candidate groups', 'Subscription correlation key']) {
      expect(viTranslations[label], label).toBeTruthy();
    }
  });
});

describe('properties panel header labels', () => {
  it('should translate Title Case type labels through the replace-menu entries', () => {
    const translate = createTranslate('vi');
    expect(translate('User Task')).toBe('Bước người dùng');
    expect(translate('Timer Boundary Event (Non Interrupting)')).toBe('Sự kiện biên hẹn giờ (không ngắt)');
    expect(translate('Sub Process')).toBe('Quy trình con');
    expect(translate('Process')).toBe('Quy trình');
  });
});
