import { BpmnModdle, type BpmnModdleElement, type BpmnModdleInstance } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';

export type Element = BpmnModdleElement;

/** A moddle for BPMN + Zeebe; parse several models with one instance to move elements between them. */
export function createModdle(): BpmnModdleInstance {
  return BpmnModdle({ zeebe: zeebeSchema });
}

export async function parseDefinitions(moddle: BpmnModdleInstance, xml: string): Promise<Element> {
  if (/<!DOCTYPE/i.test(xml)) throw new Error('DOCTYPE is not allowed in BPMN');
  const { rootElement } = await moddle.fromXML(xml, 'bpmn:Definitions');
  return rootElement;
}

/**
 * Elements compared as a whole (they have their own identity in a variant): flow elements,
 * processes, messages, signals, errors, escalations, collaborations, participants, lanes, message flows,
 * text annotations and associations. Everything nested in them (extension elements, event
 * definitions, expressions, loop characteristics) is a property of its owner.
 */
const ENTITY_TYPES = [
  'bpmn:FlowElement',
  'bpmn:Process',
  'bpmn:Message',
  'bpmn:Signal',
  'bpmn:Error',
  'bpmn:Escalation',
  'bpmn:Participant',
  'bpmn:Collaboration',
  'bpmn:Lane',
  'bpmn:MessageFlow',
  'bpmn:Artifact',
];

export function isEntity(element: Element): boolean {
  return Boolean(element.id) && ENTITY_TYPES.some((type) => element.$instanceOf(type));
}

export function isModdleElement(value: unknown): value is Element {
  return typeof value === 'object' && value !== null && '$type' in value;
}

/** All entities of a definitions tree by id (depth first, in document order). */
export function entitiesOf(definitions: Element): Map<string, Element> {
  const result = new Map<string, Element>();
  const visit = (element: Element) => {
    if (isEntity(element)) result.set(element.id!, element);
    for (const child of containedChildren(element)) visit(child);
  };
  visit(definitions);
  return result;
}

/** The directly contained moddle children of an element (not references). */
export function containedChildren(element: Element): Element[] {
  const properties = element.$descriptor?.properties;
  if (!Array.isArray(properties)) return [];
  const children: Element[] = [];
  for (const property of properties) {
    if (property.isReference || property.isAttr) continue;
    const value = element.get(property.name);
    for (const item of Array.isArray(value) ? value : [value]) if (isModdleElement(item)) children.push(item);
  }
  return children;
}

/** The nearest entity above an element (its owner in a diff). */
export function ownerEntity(element: Element): Element | undefined {
  for (let current = element.$parent; current; current = current.$parent) if (isEntity(current)) return current;
  return undefined;
}

/** Every element with an id in a tree (entities and nested ones, DI included), by id. */
export function indexById(root: Element): Map<string, Element> {
  const index = new Map<string, Element>();
  const visit = (element: Element) => {
    if (element.id) index.set(element.id, element);
    for (const child of containedChildren(element)) visit(child);
  };
  visit(root);
  return index;
}

/** Calls `visit` for every element of a tree, parents first. */
export function walk(root: Element, visit: (element: Element) => void): void {
  visit(root);
  for (const child of containedChildren(root)) walk(child, visit);
}
