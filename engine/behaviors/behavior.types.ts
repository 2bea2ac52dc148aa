import type { FeelEvaluator } from '../feel/feel-evaluator';
import type { GraphElement, ProcessGraph } from '../model/graph.types';
import type { ExecutionData, ExecutionRow, InstanceRow, JobRow } from '../runtime/state.types';

export type Variables = Record<string, unknown>;

/** What a behaviour may read; it never writes state (it returns an Outcome). */
export interface BehaviorContext {
  readonly element: GraphElement;
  readonly execution: ExecutionRow;
  readonly graph: ProcessGraph;
  readonly instance: InstanceRow;
  readonly now: Date;
  readonly feel: FeelEvaluator;
  /** set when the element is entered already triggered (event gateway, boundary, event subprocess) */
  readonly triggered: Variables | null;
  /** variables visible from this execution (the FEEL context) */
  variables(): Variables;
  /** executions of the same flow scope (excluding this one) */
  siblings(): ExecutionRow[];
  children(): ExecutionRow[];
  /** UTC offset ("+07:00") of the business time zone on a local date */
  offsetFor(ymd: string): string;
}

export interface TaskSpec {
  name: string | null;
  formKey: string | null;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  dueAt: Date | null;
  followUpAt: Date | null;
  priority: number;
}

export type Trigger =
  | { kind: 'task-completed'; variables: Variables }
  | { kind: 'job-completed'; variables: Variables }
  | { kind: 'event'; variables: Variables }
  | { kind: 'scope-completed' }
  | { kind: 'called-completed'; variables: Variables }
  | { kind: 'inner-completed'; executionId: string }
  | { kind: 'join' };

export type Effect =
  | { kind: 'task'; spec: TaskSpec }
  | {
    kind: 'job'; type: string; jobKind: JobRow['kind']; dueAt: Date; retries: number;
    payload: Record<string, unknown>; elementId?: string;
  }
  | { kind: 'subscribe'; subKind: 'message' | 'signal'; name: string; correlationKey: string | null; elementId: string }
  | { kind: 'set-local'; variables: Variables }
  | { kind: 'activate-child'; elementId: string; local?: Variables; data?: ExecutionData; triggered?: Variables | null }
  | { kind: 'consume'; executionIds: string[] }
  | { kind: 'call'; processId: string; bindingType: string; versionTag: string | null; variables: Variables }
  | { kind: 'state'; state: ExecutionRow['state']; data?: Partial<ExecutionData> }
  | { kind: 'terminate-children'; executionIds: string[] };

export type Next =
  | { kind: 'wait' }
  | { kind: 'complete'; variables?: Variables; flows?: string[] }
  | { kind: 'incident'; type: string; message: string }
  | { kind: 'throw-error'; code: string; message?: string }
  | { kind: 'throw-escalation'; code: string }
  | { kind: 'terminate-scope' }
  | { kind: 'link'; target: string };

export interface Outcome {
  effects: Effect[];
  next: Next;
}

/** One per element type (engine/behaviors/*.behavior.ts). */
export interface ElementBehavior {
  activate(ctx: BehaviorContext): Outcome;
  trigger(ctx: BehaviorContext, trigger: Trigger): Outcome;
}

export const wait = (...effects: Effect[]): Outcome => ({ effects, next: { kind: 'wait' } });
export const complete = (variables?: Variables, flows?: string[], effects: Effect[] = []): Outcome =>
  ({ effects, next: { kind: 'complete', variables, flows } });
export const incident = (type: string, message: string): Outcome => ({ effects: [], next: { kind: 'incident', type, message } });

export function unexpected(ctx: BehaviorContext, trigger: Trigger): never {
  throw new Error(`${ctx.element.type} ${ctx.element.id} cannot handle trigger ${trigger.kind}`);
}
