import type { BpmnModdleInstance } from 'bpmn-moddle';
import { diffModels, type ModelDiff } from './diff-models';
import { createModdle, entitiesOf, indexById, isModdleElement, parseDefinitions, walk, type Element } from './moddle';
import { snapshotEntities, type EntitySnapshot } from './model-snapshot';
import { applyUnit, sameValues, unitValues } from './override-units';
import { repairFlowReferences, repointReferences } from './repair-references';

/**
 * A variant's overrides of its parent: the parent version it derived from and the variant
 * model (a three-way merge needs both), plus the diff between them for display and storage.
 */
export interface VariantOverrides {
  format: 'quy-trinh.overrides';
  version: 1;
  parentXml: string;
  variantXml: string;
  diff: ModelDiff;
}

export type ConflictKind = 'both-changed' | 'changed-removed-by-parent' | 'removed-changed-by-parent' | 'added-exists' | 'missing-container' | 'moved';

/** Something the parent's new version changed where the variant overrides it. */
export interface RebaseConflict {
  kind: ConflictKind;
  elementId: string;
  /** The override unit (`name`, `extensionElements.zeebe:taskSchedule` …), when one property. */
  unit?: string;
  base?: Record<string, string>;
  parent?: Record<string, string>;
  variant?: Record<string, string>;
  /** For conflicts the user may resolve (`isResolvable`): whose value the rebased model holds. */
  resolution?: ConflictChoice;
}

/** Per conflict: keep the variant's value (the default) or take the parent's new version's. */
export type ConflictChoice = 'variant' | 'parent';
/** Choices by `conflictKey`; conflicts without an entry keep the variant's value. */
export type ConflictResolutions = Readonly<Record<string, ConflictChoice>>;

/** Stable key of a conflict across re-runs of the same rebase (kind, element, property unit). */
export function conflictKey(conflict: Pick<RebaseConflict, 'kind' | 'elementId' | 'unit'>): string {
  return `${conflict.kind}:${conflict.elementId}:${conflict.unit ?? ''}`;
}

/** Conflicts with a choice: a property both changed, or an element the variant removed and the parent changed. */
export function isResolvable(conflict: Pick<RebaseConflict, 'kind'>): boolean {
  return conflict.kind === 'both-changed' || conflict.kind === 'removed-changed-by-parent';
}

export interface RebaseResult {
  xml: string;
  conflicts: RebaseConflict[];
}

export async function extractOverrides(parentXml: string, variantXml: string): Promise<VariantOverrides> {
  return { format: 'quy-trinh.overrides', version: 1, parentXml, variantXml, diff: await diffModels(parentXml, variantXml) };
}

/**
 * Re-applies a variant's overrides on a new parent version: elements the variant added are
 * added (with their diagram shapes), elements it removed are removed, and every property unit it
 * changed is set to the variant's value. Where the parent changed the same unit or element
 * since the variant's base, a conflict is reported for review and `resolutions` decides (by
 * `conflictKey`): 'variant' (default) keeps the variant's value or removal, 'parent' keeps the new
 * parent version's value or element. Other conflict kinds have no choice (see `isResolvable`).
 */
export async function rebase(newParentXml: string, overrides: VariantOverrides, resolutions: ConflictResolutions = {}): Promise<RebaseResult> {
  const moddle = createModdle();
  const baseTree = await parseDefinitions(moddle, overrides.parentXml);
  const variantTree = await parseDefinitions(moddle, overrides.variantXml);
  const target = await parseDefinitions(moddle, newParentXml);
  const base = snapshotEntities(baseTree);
  const variant = snapshotEntities(variantTree);
  const parent = snapshotEntities(target);
  const variantEntities = entitiesOf(variantTree);
  const conflicts: RebaseConflict[] = [];
  /** Records a resolvable conflict and answers whether the variant's side wins it. */
  const variantWins = (conflict: RebaseConflict): boolean => {
    const resolution = resolutions[conflictKey(conflict)] ?? 'variant';
    conflicts.push({ ...conflict, resolution });
    return resolution === 'variant';
  };

  for (const [id, after] of variant) {
    const before = base.get(id);
    if (!before) addElement(id, variantEntities.get(id)!, variantTree, target, parent, conflicts);
    else changeElement(moddle, before, after, variantEntities.get(id)!, target, parent.get(id), conflicts, variantWins);
  }
  for (const [id, before] of base) {
    if (!variant.has(id)) removeElement(id, before, target, parent.get(id), variantWins);
  }
  repointReferences(target, indexById(target));
  repairFlowReferences(target);
  const { xml } = await moddle.toXML(target, { format: true });
  return { xml, conflicts };
}

function changeElement(
  moddle: BpmnModdleInstance,
  before: EntitySnapshot,
  after: EntitySnapshot,
  source: Element,
  target: Element,
  current: EntitySnapshot | undefined,
  conflicts: RebaseConflict[],
  variantWins: (conflict: RebaseConflict) => boolean,
): void {
  const element = entitiesOf(target).get(after.id);
  if (!element || !current) {
    conflicts.push({ kind: 'changed-removed-by-parent', elementId: after.id });
    return;
  }
  if (before.parentId !== after.parentId) {
    conflicts.push({ kind: 'moved', elementId: after.id });
    return;
  }
  if (before.type !== after.type) {
    const parentChanged = current.type !== before.type || !sameValues(current.properties, before.properties);
    if (!parentChanged || variantWins({ kind: 'both-changed', elementId: after.id, unit: '$type', base: { $type: before.type }, parent: { $type: current.type }, variant: { $type: after.type } })) {
      replaceElement(element, source);
    }
    return;
  }
  const baseUnits = unitValues(before.properties);
  const variantUnits = unitValues(after.properties);
  const parentUnits = unitValues(current.properties);
  for (const unit of new Set([...baseUnits.keys(), ...variantUnits.keys()])) {
    if (sameValues(baseUnits.get(unit), variantUnits.get(unit))) continue;
    const parentChanged = !sameValues(baseUnits.get(unit), parentUnits.get(unit));
    if (parentChanged && !sameValues(parentUnits.get(unit), variantUnits.get(unit))) {
      // the parent's choice leaves the target's (the new parent's) value in place
      if (!variantWins({ kind: 'both-changed', elementId: after.id, unit, base: baseUnits.get(unit) ?? {}, parent: parentUnits.get(unit) ?? {}, variant: variantUnits.get(unit) ?? {} })) continue;
    }
    applyUnit(moddle, unit, source, element);
  }
}

function addElement(id: string, source: Element, variantTree: Element, target: Element, parent: Map<string, EntitySnapshot>, conflicts: RebaseConflict[]): void {
  if (parent.has(id)) {
    conflicts.push({ kind: 'added-exists', elementId: id });
    return;
  }
  const container = source.$parent;
  const targetContainer = container?.$type === 'bpmn:Definitions' ? target : container?.id ? indexById(target).get(container.id) : undefined;
  const property = container && containingProperty(container, source);
  if (!targetContainer || !property) {
    conflicts.push({ kind: 'missing-container', elementId: id });
    return;
  }
  const list = (targetContainer.get(property) as Element[] | undefined) ?? [];
  list.push(source);
  targetContainer.set(property, list);
  source.$parent = targetContainer;
  moveDiagramElements(source, variantTree, target);
}

function removeElement(id: string, before: EntitySnapshot, target: Element, current: EntitySnapshot | undefined, variantWins: (conflict: RebaseConflict) => boolean): void {
  const element = entitiesOf(target).get(id);
  if (!element || !current) return;
  if (!sameValues(before.properties, current.properties) || before.type !== current.type) {
    // the parent's choice keeps the element as the new parent version has it
    if (!variantWins({ kind: 'removed-changed-by-parent', elementId: id, base: before.properties, parent: current.properties })) return;
  }
  const container = element.$parent;
  const property = container && containingProperty(container, element);
  if (container && property) container.set(property, (container.get(property) as Element[]).filter((e) => e !== element));
}

/** Puts the variant's element (new type) where the target's element was. */
function replaceElement(element: Element, replacement: Element): void {
  const container = element.$parent;
  const property = container && containingProperty(container, element);
  if (!container || !property) return;
  const list = container.get(property) as Element[];
  list.splice(list.indexOf(element), 1, replacement);
  replacement.$parent = container;
}

function containingProperty(container: Element, child: Element): string | undefined {
  return container.$descriptor.properties.find((p) => {
    const value = container.get(p.name);
    return !p.isReference && (Array.isArray(value) ? value.includes(child) : value === child);
  })?.name;
}

/** Moves the DI shapes/edges of an added element (and of what it contains) into the target's plane. */
function moveDiagramElements(element: Element, variantTree: Element, target: Element): void {
  const ids = new Set<string>();
  walk(element, (e) => e.id && ids.add(e.id));
  for (const diagram of (variantTree.diagrams as Element[] | undefined) ?? []) {
    const plane = diagram.plane as Element | undefined;
    const targetPlane = findPlane(target, (plane?.bpmnElement as Element | undefined)?.id);
    if (!plane || !targetPlane) continue;
    for (const di of (plane.planeElement as Element[] | undefined) ?? []) {
      const bpmnElement = di.bpmnElement as Element | undefined;
      if (!bpmnElement?.id || !ids.has(bpmnElement.id)) continue;
      const list = (targetPlane.planeElement as Element[] | undefined) ?? [];
      list.push(di);
      targetPlane.set('planeElement', list);
      di.$parent = targetPlane;
    }
  }
}

function findPlane(target: Element, bpmnElementId: string | undefined): Element | undefined {
  const planes = ((target.diagrams as Element[] | undefined) ?? []).map((d) => d.plane as Element).filter(isModdleElement);
  return planes.find((plane) => (plane.bpmnElement as Element | undefined)?.id === bpmnElementId) ?? planes[0];
}
