import { definitionApi, fetchDefinitionXml, jurisdictionApi, type VariantRow } from '../api/endpoints';
import type { VariantAction } from './variants-panel';

/** What the variant editor works on: the variant (null until created), its parent version and XMLs. */
export interface VariantSession {
  variant: VariantRow | null;
  key: string;
  name: string;
  jurisdictionCode: string;
  /** The parent version the model derives from (the diff's left side, the rebase's base). */
  parentDefinitionId: string;
  parentVersion: number;
  parentXml: string;
  /** The model the editor opens. */
  xml: string;
  /** Set when rebasing: the latest parent version the variant moves onto. */
  rebaseTo: { definitionId: string; version: number; xml: string } | null;
}

/** The code of the jurisdiction above the one at `path` (`/99/991/` → `99`); null above a province. */
export function parentJurisdictionOf(path: string): string | null {
  const codes = path.split('/').filter(Boolean);
  return codes.length >= 2 ? codes[codes.length - 2] : null;
}

export interface SessionDeps {
  loadXml(definitionId: string): Promise<string>;
  resolve: typeof definitionApi.resolve;
  jurisdictionPath(code: string): Promise<string>;
}

const defaultDeps: SessionDeps = {
  loadXml: (id) => fetchDefinitionXml(id),
  resolve: (query) => definitionApi.resolve(query),
  jurisdictionPath: async (code) => (await jurisdictionApi.get(code)).path,
};

/**
 * Loads what the editor needs for a list action: edit (the variant's latest version and the parent
 * it derives from), rebase (also the latest parent), create (the latest parent for the level above
 * the jurisdiction — what a case there runs today — opened as the starting model).
 */
export async function loadVariantSession(action: VariantAction, deps: SessionDeps = defaultDeps): Promise<VariantSession> {
  if (action.kind === 'create') {
    const path = await deps.jurisdictionPath(action.jurisdictionCode);
    const above = parentJurisdictionOf(path);
    const parent = await deps.resolve(above ? { key: action.key, jurisdictionCode: above } : { key: action.key });
    const parentXml = await deps.loadXml(parent.definitionId);
    return {
      variant: null, key: action.key, name: action.name, jurisdictionCode: action.jurisdictionCode,
      parentDefinitionId: parent.definitionId, parentVersion: parent.version, parentXml, xml: parentXml, rebaseTo: null,
    };
  }
  const v = action.variant;
  if (!v.definitionId || !v.parentDefinitionId) throw new Error(`variant ${v.id} has no deployed version`);
  const [xml, parentXml] = await Promise.all([deps.loadXml(v.definitionId), deps.loadXml(v.parentDefinitionId)]);
  let rebaseTo: VariantSession['rebaseTo'] = null;
  if (action.kind === 'rebase' && v.latestParentDefinitionId && v.latestParentDefinitionId !== v.parentDefinitionId) {
    rebaseTo = { definitionId: v.latestParentDefinitionId, version: v.latestParentVersion ?? 0, xml: await deps.loadXml(v.latestParentDefinitionId) };
  }
  return {
    variant: v, key: v.key, name: v.name, jurisdictionCode: v.jurisdictionCode,
    parentDefinitionId: v.parentDefinitionId, parentVersion: v.parentVersion ?? 0, parentXml, xml, rebaseTo,
  };
}
