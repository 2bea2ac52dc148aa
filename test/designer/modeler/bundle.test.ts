import { describe, expect, it } from 'vitest';
import { createBundle, emptyForm, missingFormIds, parseBundle } from '../../../designer';
import { PARENT } from '../variants/models';

describe('designer bundle', () => {
  it('should write and read a model with its forms', () => {
    // given
    const forms = [emptyForm('determination.request')];
    // when
    const bundle = parseBundle(JSON.stringify(createBundle(PARENT, forms)));
    // then
    expect(bundle).toEqual({ format: 'quy-trinh.bundle', version: 1, bpmn: PARENT, forms });
  });

  it('should refuse JSON that is not a bundle', () => {
    expect(() => parseBundle('{"bpmn": 1}')).toThrow(/quy-trinh.bundle/);
  });

  it('should list the form ids a model references but the bundle lacks', () => {
    expect(missingFormIds(PARENT, [emptyForm('determination.request')])).toEqual(['determination.conclusion']);
  });
});
