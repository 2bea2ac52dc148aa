import { unexpected, wait, type ElementBehavior } from './behavior.types';
import { catchEffects } from './behavior.helpers';

/** Event-based gateway: subscribes for every following catch event; the first one wins (runtime). */
export const eventBasedGatewayBehavior: ElementBehavior = {
  activate(ctx) {
    const effects = ctx.element.outgoing.flatMap((flowId) => {
      const target = ctx.graph.elements.get(ctx.graph.flows.get(flowId)?.target ?? '');
      return target ? catchEffects(ctx, target) : [];
    });
    return wait(...effects);
  },
  trigger: unexpected,
};
