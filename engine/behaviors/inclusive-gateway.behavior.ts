import { complete, incident, unexpected, type BehaviorContext, type ElementBehavior, type Outcome } from './behavior.types';

/**
 * Inclusive gateway. Join: the token waits (`joining`); the runtime fires it (trigger `join`) once
 * no other token of the scope sits on an element of the precomputed set that can still reach it.
 * Split: every flow whose condition holds, else the default, else an incident.
 */
export const inclusiveGatewayBehavior: ElementBehavior = {
  activate(ctx): Outcome {
    if (ctx.element.incoming.length > 1) {
      return { effects: [{ kind: 'state', state: 'joining', data: { flow: ctx.execution.data.flow } }], next: { kind: 'wait' } };
    }
    return split(ctx, []);
  },
  trigger(ctx, trigger) {
    if (trigger.kind !== 'join') return unexpected(ctx, trigger);
    const others = ctx.siblings().filter((other) => other.element_id === ctx.element.id && other.state === 'joining');
    return split(ctx, others.map((other) => other.id));
  },
};

function split(ctx: BehaviorContext, consumed: string[]): Outcome {
  const { element, graph } = ctx;
  const variables = ctx.variables();
  const flows = element.outgoing.filter((flowId) => {
    if (flowId === element.defaultFlow) return false;
    const condition = graph.flows.get(flowId)?.condition;
    return !condition || ctx.feel.condition(condition, variables);
  });
  if (flows.length === 0 && element.defaultFlow) flows.push(element.defaultFlow);
  if (flows.length === 0) {
    return incident('CONDITION_NO_MATCH', `no condition of inclusive gateway ${element.id} holds and it has no default flow`);
  }
  return complete(undefined, flows, consumed.length > 0 ? [{ kind: 'consume', executionIds: consumed }] : []);
}
