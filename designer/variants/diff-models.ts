import { createModdle, parseDefinitions } from './moddle';
import { snapshotEntities, type EntitySnapshot } from './model-snapshot';

export interface PropertyChange {
  /** Flattened property path, e.g. `extensionElements.zeebe:taskSchedule.dueDate`. */
  key: string;
  before?: string;
  after?: string;
}

export interface ElementChange {
  id: string;
  type: string;
  name?: string;
  parentId?: string;
  /** For added elements every property (before undefined); for removed ones, after undefined. */
  properties: PropertyChange[];
}

export interface ModelDiff {
  added: ElementChange[];
  removed: ElementChange[];
  changed: ElementChange[];
}

/**
 * What a child model (a district variant) changes compared to its parent: elements added,
 * removed, and changed with each property change — BPMN attributes, references, expressions,
 * event definitions and Zeebe extensions (due dates, candidate groups, form ids, io mappings…).
 * Layout (DI) is not compared.
 */
export async function diffModels(parentXml: string, childXml: string): Promise<ModelDiff> {
  const moddle = createModdle();
  const parent = snapshotEntities(await parseDefinitions(moddle, parentXml));
  const child = snapshotEntities(await parseDefinitions(moddle, childXml));
  return diffSnapshots(parent, child);
}

export function diffSnapshots(parent: Map<string, EntitySnapshot>, child: Map<string, EntitySnapshot>): ModelDiff {
  const diff: ModelDiff = { added: [], removed: [], changed: [] };
  for (const [id, after] of child) {
    const before = parent.get(id);
    if (!before) {
      diff.added.push(describe(after, compareProperties({}, after.properties)));
      continue;
    }
    const properties = compareProperties(before.properties, after.properties);
    if (before.type !== after.type) properties.unshift({ key: '$type', before: before.type, after: after.type });
    if (before.parentId !== after.parentId) properties.unshift({ key: '$parent', before: before.parentId, after: after.parentId });
    if (properties.length) diff.changed.push(describe(after, properties));
  }
  for (const [id, before] of parent) {
    if (!child.has(id)) diff.removed.push(describe(before, compareProperties(before.properties, {})));
  }
  return diff;
}

export function compareProperties(before: Record<string, string>, after: Record<string, string>): PropertyChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys
    .filter((key) => before[key] !== after[key])
    .map((key) => ({ key, ...(key in before ? { before: before[key] } : {}), ...(key in after ? { after: after[key] } : {}) }));
}

function describe(snapshot: EntitySnapshot, properties: PropertyChange[]): ElementChange {
  return { id: snapshot.id, type: snapshot.type, name: snapshot.name, parentId: snapshot.parentId, properties };
}
