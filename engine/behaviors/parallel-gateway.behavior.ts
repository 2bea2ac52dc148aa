import { complete, unexpected, type ElementBehavior, type Outcome } from './behavior.types';

/**
 * Parallel gateway. Join: counts arrivals per incoming flow in the scope; fires when every
 * incoming flow has a waiting token (a second token on one flow waits for the next firing).
 */
export const parallelGatewayBehavior: ElementBehavior = {
  activate(ctx): Outcome {
    const { element, execution } = ctx;
    if (element.incoming.length <= 1) return complete(undefined, element.outgoing);
    const flow = execution.data.flow ?? '';
    const consumed: string[] = [];
    for (const incoming of element.incoming) {
      if (incoming === flow) continue;
      const waiting = ctx.siblings().find((other) =>
        other.element_id === element.id && other.state === 'joining' && other.data.flow === incoming);
      if (!waiting) return { effects: [{ kind: 'state', state: 'joining', data: { flow } }], next: { kind: 'wait' } };
      consumed.push(waiting.id);
    }
    return complete(undefined, element.outgoing, [{ kind: 'consume', executionIds: consumed }]);
  },
  trigger: unexpected,
};
