/** The bpmn-moddle DI objects the round-trip behaviours touch. */
export interface DiPoint {
  x: number;
  y: number;
}
export interface DiElement {
  $type: string;
  id?: string;
  $parent?: DiElement;
  bounds?: DiPoint & { width: number; height: number };
  waypoint?: DiPoint[];
  bpmnElement?: { id?: string; $type: string };
  planeElement?: DiElement[];
  plane?: DiElement;
  diagrams?: DiElement[];
}
export interface EventBusLike {
  on(event: string, priority: number, callback: (event: { definitions?: DiElement }) => void): void;
}
export interface ElementRegistryLike {
  getAll(): { di?: DiElement }[];
}
export interface BpmnJsLike {
  getDefinitions(): DiElement | undefined;
}
