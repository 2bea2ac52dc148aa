/** The executable graph compiled from one BPMN process (cached per definition version). */

export type EventKind =
  | 'none' | 'message' | 'timer' | 'signal' | 'error' | 'escalation' | 'terminate' | 'link' | 'unsupported';

export interface IoMapping {
  source: string;
  target: string;
}

export interface TimerSpec {
  kind: 'duration' | 'date' | 'cycle';
  expression: string;
}

export interface MultiInstanceSpec {
  sequential: boolean;
  inputCollection: string | null;
  inputElement: string | null;
  outputCollection: string | null;
  outputElement: string | null;
  completionCondition: string | null;
  loopCardinality: string | null;
}

export interface UserTaskSpec {
  assignee: string | null;
  candidateGroups: string | null;
  candidateUsers: string | null;
  formKey: string | null;
  dueDate: string | null;
  followUpDate: string | null;
  priority: string | null;
}

export interface CalledElementSpec {
  processId: string;
  bindingType: 'latest' | 'deployment' | 'versionTag';
  versionTag: string | null;
  propagateAllChildVariables: boolean;
  propagateAllParentVariables: boolean;
}

export interface GraphElement {
  id: string;
  /** bpmn type without prefix, camelCase: userTask, exclusiveGateway, boundaryEvent, process … */
  type: string;
  name: string | null;
  /** id of the process / subprocess containing it (null for the process itself) */
  scopeId: string | null;
  incoming: string[];
  outgoing: string[];
  defaultFlow: string | null;
  eventKind: EventKind;
  interrupting: boolean;
  attachedTo: string | null;
  boundaries: string[];
  /** for scopes: start events (none) and event subprocesses directly inside */
  noneStartId: string | null;
  eventSubProcesses: string[];
  triggeredByEvent: boolean;
  messageName: string | null;
  correlationKey: string | null;
  signalName: string | null;
  /** error/escalation code; null = catch-all */
  code: string | null;
  linkName: string | null;
  timer: TimerSpec | null;
  jobType: string | null;
  jobRetries: string | null;
  headers: Record<string, string>;
  user: UserTaskSpec | null;
  inputs: IoMapping[];
  outputs: IoMapping[];
  called: CalledElementSpec | null;
  mi: MultiInstanceSpec | null;
  script: { expression: string; resultVariable: string | null } | null;
  properties: Record<string, string>;
  /** async continuation: the transaction ends before the activity is entered / after it completed */
  asyncBefore: boolean;
  asyncAfter: boolean;
}

export interface GraphFlow {
  id: string;
  source: string;
  target: string;
  condition: string | null;
}

export interface ProcessGraph {
  processId: string;
  name: string | null;
  versionTag: string | null;
  elements: Map<string, GraphElement>;
  flows: Map<string, GraphFlow>;
  /** inclusive gateway id → element ids that can still reach it without passing through it */
  joinReach: Map<string, Set<string>>;
  /** link catch event per link name, per scope: `${scopeId}|${name}` → element id */
  linkTargets: Map<string, string>;
}
