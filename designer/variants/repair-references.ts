import { walk, type Element } from './moddle';

/**
 * After elements moved between trees: points every reference at the target tree's element with
 * the same id, drops references to elements that no longer exist, and removes diagram shapes
 * whose BPMN element is gone.
 */
export function repointReferences(root: Element, index: Map<string, Element>): void {
  const orphanDi = new Set<Element>();
  walk(root, (element) => {
    const properties = element.$descriptor?.properties;
    if (!Array.isArray(properties)) return;
    for (const property of properties) {
      if (!property.isReference) continue;
      const value = element.get(property.name);
      if (value === undefined || value === null) continue;
      const resolve = (ref: unknown) => {
        const id = (ref as Element | undefined)?.id;
        return id ? index.get(id) : (ref as Element);
      };
      if (Array.isArray(value)) {
        element.set(property.name, value.map(resolve).filter(Boolean));
      } else {
        const resolved = resolve(value);
        element.set(property.name, resolved);
        if (!resolved && property.name === 'bpmnElement') orphanDi.add(element);
      }
    }
  });
  if (!orphanDi.size) return;
  walk(root, (element) => {
    if (element.$type === 'bpmndi:BPMNPlane') {
      element.set('planeElement', ((element.planeElement as Element[] | undefined) ?? []).filter((di) => !orphanDi.has(di)));
    }
  });
}

/**
 * Keeps `incoming`/`outgoing` of flow nodes consistent with the sequence flows present (flows
 * added or removed by a rebase). Unchanged lists keep their order.
 */
export function repairFlowReferences(root: Element): void {
  const flows: Element[] = [];
  const nodes: Element[] = [];
  walk(root, (element) => {
    if (element.$instanceOf('bpmn:SequenceFlow')) flows.push(element);
    else if (element.$instanceOf('bpmn:FlowNode')) nodes.push(element);
  });
  for (const node of nodes) {
    reconcile(node, 'incoming', flows.filter((flow) => flow.targetRef === node));
    reconcile(node, 'outgoing', flows.filter((flow) => flow.sourceRef === node));
  }
}

function reconcile(node: Element, property: 'incoming' | 'outgoing', expected: Element[]): void {
  const current = (node.get(property) as Element[] | undefined) ?? [];
  const kept = current.filter((flow) => expected.includes(flow));
  const added = expected.filter((flow) => !kept.includes(flow));
  if (kept.length !== current.length || added.length) node.set(property, [...kept, ...added]);
}
