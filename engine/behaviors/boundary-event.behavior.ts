import { complete, unexpected, type ElementBehavior } from './behavior.types';

/** A boundary event is only ever entered triggered (the runtime handles interruption). */
export const boundaryEventBehavior: ElementBehavior = {
  activate: (ctx) => complete(ctx.triggered ?? undefined),
  trigger: unexpected,
};
