import type { BpmnJsLike, DiElement, ElementRegistryLike, EventBusLike } from './di-types';

/**
 * Keeps diagram shapes bpmn-js could not render. bpmn-js draws only what it reaches from the
 * plane's root (e.g. not the flow nodes of a process no participant references, as in MIWG
 * B.1.0), and on export `BpmnDiOrdering` rebuilds every plane from the rendered elements,
 * silently dropping the rest. This re-appends the DI that was never rendered, so importing and
 * exporting a model from another tool loses no shapes.
 */
export function PreserveUnrenderedDi(this: unknown, eventBus: EventBusLike, elementRegistry: ElementRegistryLike, bpmnjs: BpmnJsLike) {
  let unrendered: { plane: DiElement; di: DiElement }[] = [];

  eventBus.on('import.done', 500, () => {
    const rendered = new Set(elementRegistry.getAll().map((element) => element.di));
    unrendered = [];
    for (const diagram of bpmnjs.getDefinitions()?.diagrams ?? []) {
      const plane = diagram.plane;
      for (const di of plane?.planeElement ?? []) if (plane && !rendered.has(di)) unrendered.push({ plane, di });
    }
  });

  // After BpmnDiOrdering (priority 2000) rebuilt the planes from the canvas.
  eventBus.on('saveXML.start', 1000, () => {
    for (const { plane, di } of unrendered) {
      const elements = plane.planeElement ?? [];
      if (!elements.includes(di)) elements.push(di);
      plane.planeElement = elements;
    }
  });
}
PreserveUnrenderedDi.$inject = ['eventBus', 'elementRegistry', 'bpmnjs'];
