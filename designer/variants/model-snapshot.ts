import { entitiesOf, isEntity, isModdleElement, ownerEntity, type Element } from './moddle';

/** One entity flattened to `property path → value` (extension elements included). */
export interface EntitySnapshot {
  id: string;
  type: string;
  name?: string;
  /** Id of the enclosing entity (process, sub-process, participant …). */
  parentId?: string;
  properties: Record<string, string>;
}

/** Derived or layout-only properties left out of comparisons. */
const IGNORED = new Set(['id', 'incoming', 'outgoing', 'flowElements', 'laneSets', 'artifacts', 'lanes', 'childLaneSet']);

/**
 * Flattens every entity of a model. Keys read like
 * `extensionElements.zeebe:taskSchedule.dueDate`, `eventDefinitions.timer.timeDuration.body`,
 * `extensionElements.zeebe:ioMapping.input[communeCode].source`.
 */
export function snapshotEntities(definitions: Element): Map<string, EntitySnapshot> {
  const result = new Map<string, EntitySnapshot>();
  for (const [id, element] of entitiesOf(definitions)) {
    const properties: Record<string, string> = {};
    flatten(element, '', properties);
    result.set(id, {
      id,
      type: element.$type,
      name: typeof element.name === 'string' ? element.name : undefined,
      parentId: ownerEntity(element)?.id,
      properties,
    });
  }
  return result;
}

function flatten(element: Element, prefix: string, into: Record<string, string>): void {
  const properties = element.$descriptor?.properties;
  if (!Array.isArray(properties)) {
    flattenGeneric(element, prefix, into);
    return;
  }
  for (const property of properties) {
    if (IGNORED.has(property.name) && prefix === '') continue;
    if (property.name === 'id' && prefix !== '') continue;
    const value = element.get(property.name);
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    const key = `${prefix}${property.name}`;
    if (property.isReference) {
      const ids = (Array.isArray(value) ? value : [value]).map((v) => (isModdleElement(v) ? (v.id ?? '?') : String(v)));
      into[key] = ids.sort().join(',');
    } else if (Array.isArray(value) && value.some(isModdleElement)) {
      flattenMany(value as Element[], key, property.name === 'values', into);
    } else if (isModdleElement(value)) {
      if (isEntity(value)) continue; // compared on its own
      if (value.$type === 'bpmn:ExtensionElements') {
        flattenMany((value.values as Element[] | undefined) ?? [], key, true, into);
        continue;
      }
      if (!hasContent(value)) into[key] = '';
      flatten(value, `${key}.`, into);
    } else {
      into[key] = String(value);
    }
  }
  for (const [name, value] of Object.entries(element.$attrs ?? {})) {
    if (!name.startsWith('xmlns')) into[`${prefix}@${name}`] = String(value);
  }
}

/** Many nested elements: one path segment each (see segmentOf), numbered when repeated. */
function flattenMany(children: Element[], key: string, isExtensionValues: boolean, into: Record<string, string>): void {
  const counts = new Map<string, number>();
  for (const child of children) {
    if (isEntity(child)) continue; // compared on its own
    const segment = segmentOf(child, isExtensionValues);
    const seen = counts.get(segment) ?? 0;
    counts.set(segment, seen + 1);
    const childKey = `${key}.${seen ? `${segment}#${seen + 1}` : segment}`;
    if (!hasContent(child)) into[childKey] = '';
    flatten(child, `${childKey}.`, into);
  }
}

/**
 * The path segment of a nested element: extension elements by XML name
 * (`zeebe:taskSchedule`), event definitions by kind (`timer`), zeebe inputs/outputs/headers/
 * properties by their key, others by type.
 */
function segmentOf(child: Element, isExtensionValue: boolean): string {
  const [prefix, local] = child.$type.split(':');
  const xmlName = `${prefix}:${local.charAt(0).toLowerCase()}${local.slice(1)}`;
  if (child.$instanceOf('bpmn:EventDefinition')) return local.replace(/EventDefinition$/, '').toLowerCase();
  if (child.$type === 'zeebe:Input' || child.$type === 'zeebe:Output') return `${local.toLowerCase()}[${String(child.target ?? '')}]`;
  if (child.$type === 'zeebe:Header') return `header[${String(child.key ?? '')}]`;
  if (child.$type === 'zeebe:Property') return `property[${String(child.name ?? '')}]`;
  return isExtensionValue ? xmlName : local;
}

function hasContent(element: Element): boolean {
  const probe: Record<string, string> = {};
  flatten(element, '', probe);
  return Object.keys(probe).length > 0;
}

/** Unknown XML: attributes, body and children by tag name. */
function flattenGeneric(element: Element, prefix: string, into: Record<string, string>): void {
  for (const [name, value] of Object.entries(element)) {
    if (name.startsWith('$') || typeof value === 'object' || typeof value === 'function') continue;
    into[`${prefix}@${name}`] = String(value);
  }
  if (typeof element.$body === 'string') into[`${prefix}body`] = element.$body;
  const children = (element.$children as Element[] | undefined) ?? [];
  children.forEach((child, index) => flattenGeneric(child, `${prefix}${child.$type}#${index + 1}.`, into));
}
