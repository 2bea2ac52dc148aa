import { describe, expect, it } from 'vitest';
import { designerModes } from '../../../web/src/pages/designer.page';

const allowing = (...grants: string[]) => (action: string, subject: string) => grants.includes(`${action} ${subject}`);

describe('designer page modes', () => {
  it('should open a district variant admin on the variants, then migration', () => {
    // when
    const modes = designerModes(allowing('read Variant', 'create Variant', 'migrate Instance'), 'district');
    // then
    expect(modes).toEqual(['variants', 'migration']);
  });

  it('should open a provincial admin on the procedures, then variants and migration', () => {
    // when
    const modes = designerModes(allowing('deploy Definition', 'read Variant', 'migrate Instance'), 'province');
    // then
    expect(modes).toEqual(['definitions', 'variants', 'migration']);
  });

  it('should give no server mode without rights (the file-only workspace)', () => {
    // when / then
    expect(designerModes(allowing(), undefined)).toEqual([]);
  });
});
