import type { DiElement, EventBusLike } from './di-types';

type GatewayDi = DiElement & { isMarkerVisible?: boolean };

/**
 * Exports exclusive-gateway shapes without an `isMarkerVisible` the file did not have. bpmn-js
 * sets `isMarkerVisible="true"` on every gateway shape lacking it while importing (to draw the
 * X); we leave the attribute out again when serializing, unless the user changed it.
 */
export function PreserveMarkerVisibility(this: unknown, eventBus: EventBusLike) {
  let absent: GatewayDi[] = [];
  let undo: (() => void) | null = null;

  // Before rendering (the element factory sets the flag while shapes are created).
  eventBus.on('import.render.start', 2000, (event) => {
    absent = [];
    for (const diagram of event.definitions?.diagrams ?? []) {
      for (const di of (diagram.plane?.planeElement ?? []) as GatewayDi[]) {
        if (di.$type === 'bpmndi:BPMNShape' && di.isMarkerVisible === undefined) absent.push(di);
      }
    }
  });

  eventBus.on('saveXML.start', 900, () => {
    const cleared = absent.filter((di) => di.isMarkerVisible === true);
    cleared.forEach((di) => (di.isMarkerVisible = undefined));
    undo = () => cleared.forEach((di) => (di.isMarkerVisible = true));
  });

  eventBus.on('saveXML.done', 900, () => {
    undo?.();
    undo = null;
  });
}
PreserveMarkerVisibility.$inject = ['eventBus'];
