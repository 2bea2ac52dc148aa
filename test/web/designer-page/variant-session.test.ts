import { describe, expect, it } from 'vitest';
import type { VariantRow } from '../../../web/src/api/endpoints';
import { loadVariantSession, parentJurisdictionOf, type SessionDeps } from '../../../web/src/designer-page/variant-session';

const variant: VariantRow = {
  id: 'v1', key: 'compulsory-dossier', name: 'Huyện Sông Xanh', jurisdictionCode: '991', jurisdictionName: 'Huyện Sông Xanh', active: true,
  definitionId: 'd-variant-2', version: 2, parentDefinitionId: 'd-province-1', parentVersion: 1,
  latestParentDefinitionId: 'd-province-3', latestParentVersion: 3, parentHasNewer: true,
};

function fakeDeps(calls: string[]): SessionDeps {
  return {
    loadXml: async (id) => {
      calls.push(`xml ${id}`);
      return `<xml of ${id}/>`;
    },
    resolve: async (query) => {
      calls.push(`resolve ${query.key} ${query.jurisdictionCode ?? 'global'}`);
      return { definitionId: `d-${query.jurisdictionCode ?? 'global'}`, key: query.key, version: 4, jurisdictionCode: query.jurisdictionCode ?? null, variantId: null };
    },
    jurisdictionPath: async (code) => ({ '991': '/99/991/', '99107': '/99/991/99107/', '99': '/99/' })[code] ?? '/',
  };
}

describe('variant editor sessions', () => {
  it('should find the jurisdiction above a path', () => {
    // when / then
    expect(parentJurisdictionOf('/99/991/99107/')).toBe('991');
    expect(parentJurisdictionOf('/99/991/')).toBe('99');
    expect(parentJurisdictionOf('/99/')).toBeNull();
  });

  it('should start a new district variant from what the province runs today', async () => {
    // given
    const calls: string[] = [];
    // when
    const session = await loadVariantSession({ kind: 'create', key: 'compulsory-dossier', jurisdictionCode: '991', name: 'Rà soát sớm' }, fakeDeps(calls));
    // then the parent is resolved one level up and opened as the starting model
    expect(calls).toEqual(['resolve compulsory-dossier 99', 'xml d-99']);
    expect(session).toMatchObject({ variant: null, jurisdictionCode: '991', parentDefinitionId: 'd-99', parentVersion: 4, xml: '<xml of d-99/>', parentXml: '<xml of d-99/>', rebaseTo: null });
  });

  it('should start a provincial variant from the global definition', async () => {
    // given
    const calls: string[] = [];
    // when
    const session = await loadVariantSession({ kind: 'create', key: 'k', jurisdictionCode: '99', name: '' }, fakeDeps(calls));
    // then
    expect(calls[0]).toBe('resolve k global');
    expect(session.parentDefinitionId).toBe('d-global');
  });

  it('should open an edit on the variant version and the parent version it derives from', async () => {
    // given
    const calls: string[] = [];
    // when
    const session = await loadVariantSession({ kind: 'edit', variant }, fakeDeps(calls));
    // then
    expect(session).toMatchObject({ xml: '<xml of d-variant-2/>', parentXml: '<xml of d-province-1/>', parentVersion: 1, rebaseTo: null });
    expect(calls).not.toContain('xml d-province-3');
  });

  it('should add the latest parent for a rebase (base = the parent the variant derives from)', async () => {
    // given
    const calls: string[] = [];
    // when
    const session = await loadVariantSession({ kind: 'rebase', variant }, fakeDeps(calls));
    // then
    expect(session.parentXml).toBe('<xml of d-province-1/>');
    expect(session.rebaseTo).toEqual({ definitionId: 'd-province-3', version: 3, xml: '<xml of d-province-3/>' });
  });

  it('should refuse a variant without a deployed version', async () => {
    // when / then
    await expect(loadVariantSession({ kind: 'edit', variant: { ...variant, definitionId: null } }, fakeDeps([]))).rejects.toThrow(/no deployed version/);
  });
});
