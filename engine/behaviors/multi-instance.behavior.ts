import { stripEquals } from '../feel/feel-evaluator';
import type { MultiInstanceSpec } from '../model/graph.types';
import {
  complete, unexpected, wait, type BehaviorContext, type Effect, type ElementBehavior, type Outcome,
} from './behavior.types';

/**
 * Multi-instance body (Camunda 8): one inner instance per item of inputCollection, parallel or
 * sequential; locals inputElement + loopCounter; numberOfInstances / numberOfCompletedInstances /
 * numberOfActiveInstances; outputCollection (filled by the runtime in input order); an optional
 * completionCondition terminates the remaining instances.
 */
export const multiInstanceBehavior: ElementBehavior = {
  activate(ctx): Outcome {
    const mi = ctx.element.mi as MultiInstanceSpec;
    const items = collection(ctx, mi);
    const locals: Record<string, unknown> = { numberOfInstances: items.length, numberOfCompletedInstances: 0 };
    if (mi.outputCollection) locals[mi.outputCollection] = items.map(() => null);
    if (items.length === 0) return complete(undefined, undefined, [{ kind: 'set-local', variables: locals }]);
    const first = mi.sequential ? 1 : items.length;
    locals.numberOfActiveInstances = first;
    const effects: Effect[] = [
      { kind: 'state', state: 'active', data: { mi: { items, next: first, completed: 0, active: first } } },
      { kind: 'set-local', variables: locals },
    ];
    for (let index = 0; index < first; index += 1) effects.push(inner(mi, items, index, ctx.element.id));
    return wait(...effects);
  },
  trigger(ctx, trigger): Outcome {
    if (trigger.kind !== 'inner-completed') return unexpected(ctx, trigger);
    const mi = ctx.element.mi as MultiInstanceSpec;
    const state = ctx.execution.data.mi ?? { items: [], next: 0, completed: 0, active: 0 };
    const completed = state.completed + 1;
    let active = state.active - 1;
    const counters = { numberOfInstances: state.items.length, numberOfCompletedInstances: completed, numberOfActiveInstances: active };
    const effects: Effect[] = [{ kind: 'set-local', variables: counters }];
    const done = mi.completionCondition
      ? ctx.feel.condition(stripEquals(mi.completionCondition), { ...ctx.variables(), ...counters })
      : false;
    if (done) {
      const remaining = ctx.children().map((child) => child.id);
      effects.push({ kind: 'terminate-children', executionIds: remaining });
      return complete(undefined, undefined, effects);
    }
    let next = state.next;
    if (mi.sequential && next < state.items.length) {
      effects.push(inner(mi, state.items, next, ctx.element.id));
      next += 1;
      active += 1;
    }
    if (active === 0 && next >= state.items.length) return complete(undefined, undefined, effects);
    effects.push({ kind: 'state', state: 'active', data: { mi: { items: state.items, next, completed, active } } });
    return wait(...effects);
  },
};

function collection(ctx: BehaviorContext, mi: MultiInstanceSpec): unknown[] {
  if (mi.inputCollection) {
    const value = ctx.feel.evaluate(stripEquals(mi.inputCollection), ctx.variables());
    if (!Array.isArray(value)) throw new Error(`inputCollection of ${ctx.element.id} is not a list`);
    return value;
  }
  const count = Number(ctx.feel.evaluate(stripEquals(mi.loopCardinality ?? '0'), ctx.variables()));
  return Array.from({ length: count }, (_, index) => index + 1);
}

function inner(mi: MultiInstanceSpec, items: unknown[], index: number, elementId: string): Effect {
  const local: Record<string, unknown> = { loopCounter: index + 1 };
  if (mi.inputElement) local[mi.inputElement] = items[index];
  return { kind: 'activate-child', elementId, local, data: { inner: true, loopCounter: index + 1 } };
}
