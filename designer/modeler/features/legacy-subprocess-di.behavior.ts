import type { BpmnJsLike, DiElement, DiPoint, EventBusLike } from './di-types';

interface MovedDiagram {
  diagram: DiElement;
  /** Where the diagram sat in definitions.diagrams. */
  index: number;
  /** The plane the moved DI came from (null: nothing was moved). */
  home: DiElement | null;
  /** What bpmn-js subtracted when it moved the elements to the origin. */
  offset: DiPoint;
}

/**
 * Exports collapsed sub-processes in the layout they were imported in. Files from older tools
 * (MIWG A.3.0, C.x) draw a collapsed sub-process's children on the main plane; on import bpmn-js
 * (`SubprocessCompatibility`) moves them to a new drill-down diagram and shifts them to the
 * origin. On export we put them back — original plane, original coordinates, no extra diagram —
 * and restore the editing state right after serialization. Diagrams bpmn-js creates later (a new
 * collapsed sub-process) are left alone.
 */
export function LegacySubprocessDi(this: unknown, eventBus: EventBusLike, bpmnjs: BpmnJsLike) {
  let before: { diagrams: Set<DiElement>; homes: Map<DiElement, DiElement>; positions: Map<DiElement, DiPoint> } | null = null;
  let moved: MovedDiagram[] = [];
  let undo: (() => void) | null = null;

  // Before SubprocessCompatibility (priority 1500): remember where every DI element sits.
  eventBus.on('import.render.start', 2000, (event) => {
    const definitions = (event as { definitions?: DiElement }).definitions;
    const diagrams = new Set(definitions?.diagrams ?? []);
    const homes = new Map<DiElement, DiElement>();
    const positions = new Map<DiElement, DiPoint>();
    for (const diagram of diagrams) {
      for (const di of diagram.plane?.planeElement ?? []) {
        if (diagram.plane) homes.set(di, diagram.plane);
        const point = di.waypoint?.[0] ?? di.bounds;
        if (point) positions.set(di, { x: point.x, y: point.y });
      }
    }
    before = { diagrams, homes, positions };
  });

  eventBus.on('import.done', 500, () => {
    moved = [];
    const definitions = bpmnjs.getDefinitions();
    if (!before || !definitions) return;
    (definitions.diagrams ?? []).forEach((diagram, index) => {
      if (before!.diagrams.has(diagram)) return;
      const sample = (diagram.plane?.planeElement ?? []).find((di) => before!.positions.has(di));
      if (!sample) {
        // An empty collapsed sub-process: bpmn-js only added a drill-down diagram.
        moved.push({ diagram, index, home: null, offset: { x: 0, y: 0 } });
        return;
      }
      const original = before!.positions.get(sample)!;
      const current = sample.waypoint?.[0] ?? sample.bounds!;
      moved.push({ diagram, index, home: before!.homes.get(sample)!, offset: { x: original.x - current.x, y: original.y - current.y } });
    });
    before = null;
  });

  // After BpmnDiOrdering (2000) and PreserveUnrenderedDi (1000).
  eventBus.on('saveXML.start', 900, () => {
    const definitions = bpmnjs.getDefinitions();
    const diagrams = definitions?.diagrams;
    if (!diagrams) return;
    const restores: (() => void)[] = [];
    for (const entry of moved) {
      const { diagram, home, offset } = entry;
      const position = diagrams.indexOf(diagram);
      const plane = diagram.plane;
      if (position < 0 || !plane) continue;
      const elements = plane.planeElement ?? [];
      // Content drawn in a sub-process that had none before has no original plane: keep it.
      if (elements.length && !home) continue;
      elements.forEach((di) => translate(di, offset, 1));
      if (home) home.planeElement = [...(home.planeElement ?? []), ...elements];
      plane.planeElement = [];
      diagrams.splice(position, 1);
      restores.push(() => {
        if (home) home.planeElement = (home.planeElement ?? []).filter((di) => !elements.includes(di));
        elements.forEach((di) => translate(di, offset, -1));
        plane.planeElement = elements;
        diagrams.splice(position, 0, diagram);
      });
    }
    undo = () => restores.reverse().forEach((restore) => restore());
  });

  eventBus.on('saveXML.done', 900, () => {
    undo?.();
    undo = null;
  });
}
LegacySubprocessDi.$inject = ['eventBus', 'bpmnjs'];

/** Shifts a DI element the way SubprocessCompatibility did (waypoints, else bounds). */
function translate(di: DiElement, offset: DiPoint, sign: 1 | -1): void {
  if (di.waypoint) {
    for (const point of di.waypoint) {
      point.x += sign * offset.x;
      point.y += sign * offset.y;
    }
  } else if (di.bounds) {
    di.bounds.x += sign * offset.x;
    di.bounds.y += sign * offset.y;
  }
}
