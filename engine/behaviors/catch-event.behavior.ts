import { complete, unexpected, wait, type ElementBehavior } from './behavior.types';
import { catchEffects } from './behavior.helpers';

/** Intermediate catch (message, timer, signal, link) and receive task: wait for the trigger. */
export const catchEventBehavior: ElementBehavior = {
  activate(ctx) {
    if (ctx.triggered) return complete(ctx.triggered);
    if (ctx.element.eventKind === 'link') return complete();
    return wait(...catchEffects(ctx, ctx.element));
  },
  trigger(ctx, trigger) {
    if (trigger.kind === 'event') return complete(trigger.variables);
    return unexpected(ctx, trigger);
  },
};
