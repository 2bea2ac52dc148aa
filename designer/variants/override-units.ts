import type { BpmnModdleInstance } from 'bpmn-moddle';
import { isModdleElement, type Element } from './moddle';

/**
 * An override unit is what a variant replaces as a whole on one element: one BPMN property
 * (`name`, `conditionExpression`, `loopCharacteristics` …), all event definitions, or one
 * extension element (`extensionElements.zeebe:taskSchedule`). Property keys map to units.
 */
export function unitOf(key: string): string {
  if (key.startsWith('extensionElements.')) return key.split('.').slice(0, 2).join('.');
  return key.split('.')[0];
}

/** Groups flattened properties by unit. */
export function unitValues(properties: Record<string, string>): Map<string, Record<string, string>> {
  const units = new Map<string, Record<string, string>>();
  for (const [key, value] of Object.entries(properties)) {
    const unit = unitOf(key);
    if (!units.has(unit)) units.set(unit, {});
    units.get(unit)![key] = value;
  }
  return units;
}

export function sameValues(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const left = a ?? {};
  const right = b ?? {};
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => left[key] === right[key]);
}

/**
 * Copies one unit from the variant's element onto the target element (moving nested moddle
 * objects; references are re-pointed afterwards by the caller).
 */
export function applyUnit(moddle: BpmnModdleInstance, unit: string, from: Element, to: Element): void {
  if (unit.startsWith('extensionElements.')) {
    applyExtension(moddle, unit.slice('extensionElements.'.length), from, to);
  } else if (unit.startsWith('@')) {
    const name = unit.slice(1);
    const attrs = (to.$attrs ??= {} as Record<string, string>);
    if (from.$attrs?.[name] === undefined) delete attrs[name];
    else attrs[name] = from.$attrs[name];
  } else {
    const value = from.get(unit);
    to.set(unit, Array.isArray(value) ? [...value] : value);
    const property = to.$descriptor.properties.find((p) => p.name === unit);
    if (!property?.isReference) reparent(value, to);
  }
}

function applyExtension(moddle: BpmnModdleInstance, segment: string, from: Element, to: Element): void {
  const source = extensionBySegment(from, segment);
  let container = to.extensionElements as Element | undefined;
  if (!container) {
    if (!source) return;
    container = moddle.create('bpmn:ExtensionElements', { values: [] });
    container.$parent = to;
    to.set('extensionElements', container);
  }
  const values = (container.values as Element[] | undefined) ?? [];
  const existing = extensionBySegment(to, segment);
  const index = existing ? values.indexOf(existing) : -1;
  if (source) {
    source.$parent = container;
    if (index >= 0) values.splice(index, 1, source);
    else values.push(source);
  } else if (index >= 0) {
    values.splice(index, 1);
  }
  container.set('values', values);
}

/** The extension element a segment names (`zeebe:taskSchedule`, `zeebe:properties#2`). */
function extensionBySegment(element: Element, segment: string): Element | undefined {
  const [name, nth] = segment.split('#');
  const values = ((element.extensionElements as Element | undefined)?.values as Element[] | undefined) ?? [];
  const matching = values.filter((value) => xmlName(value.$type) === name);
  return matching[nth ? Number(nth) - 1 : 0];
}

function xmlName(type: string): string {
  const [prefix, local] = type.split(':');
  return `${prefix}:${local.charAt(0).toLowerCase()}${local.slice(1)}`;
}

function reparent(value: unknown, parent: Element): void {
  for (const item of Array.isArray(value) ? value : [value]) if (isModdleElement(item)) item.$parent = parent;
}
