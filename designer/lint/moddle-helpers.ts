import type { ModdleElement } from 'bpmnlint';

/** The element's extension elements of one type (e.g. `zeebe:FormDefinition`). */
export function extensionsOf(element: ModdleElement, type: string): ModdleElement[] {
  const container = element.extensionElements as { values?: ModdleElement[] } | undefined;
  return (container?.values ?? []).filter((value) => value.$instanceOf(type));
}

export function extensionOf(element: ModdleElement, type: string): ModdleElement | undefined {
  return extensionsOf(element, type)[0];
}

export function eventDefinitionsOf(element: ModdleElement): ModdleElement[] {
  return (element.eventDefinitions as ModdleElement[] | undefined) ?? [];
}

/** A readable name for messages: the element's name, else its id. */
export function labelOf(element: ModdleElement): string {
  const name = typeof element.name === 'string' && element.name.trim() ? element.name.trim() : undefined;
  return name ? `"${name}"` : (element.id ?? element.$type);
}

export function stringValue(element: ModdleElement | undefined, property: string): string | undefined {
  const value = element?.get(property);
  return typeof value === 'string' ? value : undefined;
}

/** The nearest ancestor (or the element itself) of the given type. */
export function closest(element: ModdleElement | undefined, type: string): ModdleElement | undefined {
  for (let current = element; current; current = current.$parent) {
    if (current.$instanceOf(type)) return current;
  }
  return undefined;
}
