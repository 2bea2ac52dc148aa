import { complete, incident, unexpected, type ElementBehavior } from './behavior.types';

/** Exclusive gateway: the first flow whose condition holds, else the default, else an incident. */
export const exclusiveGatewayBehavior: ElementBehavior = {
  activate(ctx) {
    const { element, graph } = ctx;
    if (element.outgoing.length === 1 && !graph.flows.get(element.outgoing[0])?.condition) {
      return complete(undefined, element.outgoing);
    }
    const variables = ctx.variables();
    for (const flowId of element.outgoing) {
      const flow = graph.flows.get(flowId);
      if (flowId === element.defaultFlow || !flow?.condition) continue;
      if (ctx.feel.condition(flow.condition, variables)) return complete(undefined, [flowId]);
    }
    if (element.defaultFlow) return complete(undefined, [element.defaultFlow]);
    return incident('CONDITION_NO_MATCH', `no condition of exclusive gateway ${element.id} holds and it has no default flow`);
  },
  trigger: unexpected,
};
