import { complete, unexpected, type ElementBehavior } from './behavior.types';

/** Start events complete at once; event starts arrive already triggered with their payload. */
export const startEventBehavior: ElementBehavior = {
  activate: (ctx) => complete(ctx.triggered ?? undefined),
  trigger: unexpected,
};
