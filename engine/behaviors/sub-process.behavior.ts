import { complete, unexpected, wait, type ElementBehavior } from './behavior.types';

/** Embedded / event subprocess and the process itself: start inside, complete when empty. */
export const subProcessBehavior: ElementBehavior = {
  activate(ctx) {
    const start = ctx.execution.data.startEventId ?? ctx.element.noneStartId;
    if (!start) return complete();
    return wait({ kind: 'activate-child', elementId: start, triggered: ctx.execution.data.triggerVariables ?? null });
  },
  trigger(ctx, trigger) {
    if (trigger.kind === 'scope-completed') return complete();
    return unexpected(ctx, trigger);
  },
};
