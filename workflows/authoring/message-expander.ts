import type { NodeSpec, ProcessSpec } from './model';

/**
 * Message throw and end events are job workers (`message.publish`), as in Camunda 8: the worker
 * publishes `messageName` with `correlationKey` and the job's variables (all process variables
 * plus the event's input mappings), so the receiving procedure starts with the case data.
 */
function expand(nodes: NodeSpec[]): NodeSpec[] {
  return nodes.map((n) => {
    const children = n.children ? expand(n.children) : undefined;
    const base = children ? { ...n, children } : n;
    if (!n.message || (n.type !== 'intermediateThrowEvent' && n.type !== 'endEvent')) return base;
    return {
      ...base,
      job: 'message.publish',
      inputs: [['messageName', `="${n.message}"`], ['correlationKey', '=personId'], ...(n.inputs ?? [])],
    };
  });
}

export function withMessagePublish(p: ProcessSpec): ProcessSpec {
  return { ...p, nodes: expand(p.nodes) };
}
