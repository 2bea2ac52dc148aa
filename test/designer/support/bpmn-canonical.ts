import { BpmnModdle, type BpmnModdleElement } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';

/** What a round trip must keep: every element (id → type + attributes) and every DI shape/edge. */
export interface CanonicalModel {
  /** id → `$type` plus its attributes, references (as ids) and unknown attributes. */
  elements: Record<string, { type: string; attrs: Record<string, unknown> }>;
  /** DI shape/edge id → bounds / waypoints. */
  di: Record<string, { element: string | undefined; bounds?: number[]; waypoints?: number[][]; label?: number[] }>;
  warnings: string[];
}

/** Attributes an exporter legitimately rewrites. */
const VOLATILE = new Set(['exporter', 'exporterVersion']);

/** Parses BPMN XML with bpmn-moddle (+ Zeebe) and flattens it for comparison. */
export async function canonicalize(xml: string): Promise<CanonicalModel> {
  const moddle = BpmnModdle({ zeebe: zeebeSchema });
  const { rootElement, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
  const model: CanonicalModel = { elements: {}, di: {}, warnings: warnings.map((w) => w.message) };
  visit(rootElement, model);
  return model;
}

function visit(element: BpmnModdleElement, model: CanonicalModel): void {
  const attrs = describeElement(element, model);
  if (element.id) model.elements[element.id] = { type: element.$type, attrs };
  if (element.id && (element.$type === 'bpmndi:BPMNShape' || element.$type === 'bpmndi:BPMNEdge')) {
    const bounds = element.bounds as BpmnModdleElement | undefined;
    const label = element.label as BpmnModdleElement | undefined;
    const labelBounds = label?.bounds as BpmnModdleElement | undefined;
    model.di[element.id] = {
      element: idOf(element.bpmnElement),
      bounds: bounds && box(bounds),
      waypoints: (element.waypoint as BpmnModdleElement[] | undefined)?.map((p) => [Number(p.x), Number(p.y)]),
      label: labelBounds && box(labelBounds),
    };
  }
}

/**
 * An element's attributes, references (as ids) and unknown attributes. Contained elements with
 * an id are registered on their own and listed as a sorted set of `#id` (their order in the
 * file carries no meaning); anonymous ones (expressions, bounds, waypoints) are described inline.
 */
function describeElement(element: BpmnModdleElement, model: CanonicalModel): Record<string, unknown> {
  const attrs: Record<string, unknown> = {};
  if (!Array.isArray(element.$descriptor.properties)) return describeGeneric(element);
  for (const property of element.$descriptor.properties) {
    const value = element.get(property.name) as unknown;
    if (value === undefined || VOLATILE.has(property.name)) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (property.isReference) {
      attrs[property.name] = Array.isArray(value) ? value.map(idOf) : idOf(value);
    } else if (isModdle(value) || (Array.isArray(value) && value.some(isModdle))) {
      const children = (Array.isArray(value) ? value : [value]) as BpmnModdleElement[];
      const withId = children.filter((child) => child.id).map((child) => `#${child.id}`).sort();
      const anonymous = children.filter((child) => !child.id).map((child) => describeElement(child, model));
      for (const child of children) if (child.id) visit(child, model);
      attrs[property.name] = [...withId, ...anonymous.map((a) => ({ ...a }))];
    } else {
      attrs[property.name] = value;
    }
  }
  if (!element.id) attrs.$type = element.$type;
  for (const [name, value] of Object.entries(element.$attrs ?? {})) {
    // An xsi:type naming the element's own type is redundant; exporters may omit it or change its prefix.
    if (name.startsWith('xmlns') || (name === 'xsi:type' && sameType(String(value), element.$type))) continue;
    attrs[`@${name}`] = value;
  }
  return attrs;
}

/**
 * Unknown extension XML (moddle "generic" elements): type, attributes, body and children.
 * Known tolerance: moddle-xml writes an attribute in the element's own namespace without its
 * prefix and de-duplicates (bpmn-io/moddle-xml#66), so `triso:x="v"` next to `x="v"` on a
 * `triso:` element (MIWG C.8.1) comes back as `x="v"` only; such a prefixed twin is ignored.
 */
function describeGeneric(element: BpmnModdleElement): Record<string, unknown> {
  const attrs: Record<string, unknown> = { $type: element.$type };
  const ownPrefix = `${element.$type.split(':')[0]}:`;
  for (const [name, value] of Object.entries(element)) {
    if (name === '$type' || name === '$parent' || name === '$descriptor' || name === '$model') continue;
    if (name.startsWith(ownPrefix) && (element as Record<string, unknown>)[name.slice(ownPrefix.length)] === value) continue;
    if (name === '$children' && Array.isArray(value)) attrs.$children = value.map((child) => describeGeneric(child as BpmnModdleElement));
    else if (typeof value !== 'function' && typeof value !== 'object') attrs[name] = value;
  }
  return attrs;
}

/** `xsi:type="tFormalExpression"`, `"semantic:tFormalExpression"` name the parsed type itself. */
function sameType(xsiType: string, type: string): boolean {
  const local = (name: string) => (name.split(':').pop() ?? '').replace(/^t(?=[A-Z])/, '');
  return local(xsiType) === local(type);
}

function box(bounds: BpmnModdleElement): number[] {
  return [bounds.x, bounds.y, bounds.width, bounds.height].map(Number);
}

function isModdle(value: unknown): boolean {
  return typeof value === 'object' && value !== null && '$type' in value;
}

function idOf(value: unknown): string | undefined {
  return isModdle(value) ? ((value as BpmnModdleElement).id ?? `(${(value as BpmnModdleElement).$type})`) : undefined;
}
