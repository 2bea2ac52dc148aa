/** A compact description of a BPMN process, turned into Zeebe-dialect XML with DI by bpmn-writer.ts. */

export type NodeType =
  | 'startEvent' | 'endEvent' | 'userTask' | 'serviceTask' | 'sendTask' | 'receiveTask' | 'manualTask'
  | 'businessRuleTask' | 'exclusiveGateway' | 'parallelGateway' | 'inclusiveGateway' | 'eventBasedGateway'
  | 'intermediateCatchEvent' | 'intermediateThrowEvent' | 'boundaryEvent' | 'subProcess' | 'callActivity';

export interface TimerSpec { date?: string; duration?: string; cycle?: string }

export interface NodeSpec {
  id: string;
  type: NodeType;
  name: string;
  doc?: string;
  message?: string;
  timer?: TimerSpec;
  escalation?: string;
  error?: string;
  signal?: string;
  terminate?: boolean;
  attachedTo?: string;
  /** boundary events: cancelActivity; event-subprocess start events: isInterrupting. */
  interrupting?: boolean;
  form?: string;
  groups?: string;
  due?: string;
  deadline?: string;
  /** SLA warning time when it cannot be derived from `due` (sla-expander.ts). */
  warnAt?: string;
  props?: Record<string, string>;
  job?: string;
  inputs?: [target: string, source: string][];
  outputs?: [target: string, source: string][];
  calledElement?: string;
  multiInstance?: { collection: string; element: string; sequential?: boolean };
  children?: NodeSpec[];
  flows?: FlowSpec[];
  triggeredByEvent?: boolean;
}

export interface FlowSpec { from: string; to: string; id?: string; name?: string; cond?: string; isDefault?: boolean }

export interface ProcessSpec {
  id: string;
  name: string;
  doc: string;
  nodes: NodeSpec[];
  flows: FlowSpec[];
}

const strip = (id: string): string => id.replace(/^[A-Za-z]+_/, '');

/** Id of a flow: explicit, else `Flow_<from>_<to>` without the type prefixes (kept when they are needed to differ). */
export const flowId = (f: FlowSpec): string =>
  f.id ?? (strip(f.from) === strip(f.to) ? `Flow_${f.from}_${f.to}` : `Flow_${strip(f.from)}_${strip(f.to)}`);
