/**
 * The one lifecycle table of an element instance (execution). Persisted states are `active` and
 * `joining`; `completed` and `terminated` executions are deleted (history keeps them).
 */
export type LifecycleState = 'activating' | 'active' | 'joining' | 'completing' | 'completed' | 'terminating' | 'terminated';

export const LIFECYCLE: Record<LifecycleState, readonly LifecycleState[]> = {
  activating: ['active', 'joining', 'completing', 'terminating'],
  active: ['active', 'joining', 'completing', 'terminating'],
  joining: ['completing', 'terminating'],
  completing: ['completed', 'terminating'],
  completed: [],
  terminating: ['terminated'],
  terminated: [],
};

export function assertTransition(elementId: string, from: LifecycleState, to: LifecycleState): void {
  if (!LIFECYCLE[from].includes(to)) {
    throw new Error(`illegal lifecycle transition of ${elementId}: ${from} → ${to}`);
  }
}
