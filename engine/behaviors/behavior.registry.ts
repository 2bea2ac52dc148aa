import type { GraphElement } from '../model/graph.types';
import type { ExecutionRow } from '../runtime/state.types';
import type { ElementBehavior } from './behavior.types';
import { boundaryEventBehavior } from './boundary-event.behavior';
import { callActivityBehavior } from './call-activity.behavior';
import { catchEventBehavior } from './catch-event.behavior';
import { endEventBehavior } from './end-event.behavior';
import { eventBasedGatewayBehavior } from './event-based-gateway.behavior';
import { exclusiveGatewayBehavior } from './exclusive-gateway.behavior';
import { inclusiveGatewayBehavior } from './inclusive-gateway.behavior';
import { intermediateThrowEventBehavior } from './intermediate-throw-event.behavior';
import { multiInstanceBehavior } from './multi-instance.behavior';
import { parallelGatewayBehavior } from './parallel-gateway.behavior';
import { passThroughBehavior } from './pass-through.behavior';
import { scriptTaskBehavior } from './script-task.behavior';
import { serviceTaskBehavior } from './service-task.behavior';
import { startEventBehavior } from './start-event.behavior';
import { subProcessBehavior } from './sub-process.behavior';
import { userTaskBehavior } from './user-task.behavior';

const BY_TYPE: Record<string, ElementBehavior> = {
  process: subProcessBehavior,
  subProcess: subProcessBehavior,
  startEvent: startEventBehavior,
  endEvent: endEventBehavior,
  intermediateCatchEvent: catchEventBehavior,
  receiveTask: catchEventBehavior,
  intermediateThrowEvent: intermediateThrowEventBehavior,
  boundaryEvent: boundaryEventBehavior,
  userTask: userTaskBehavior,
  serviceTask: serviceTaskBehavior,
  sendTask: serviceTaskBehavior,
  scriptTask: scriptTaskBehavior,
  businessRuleTask: scriptTaskBehavior,
  manualTask: passThroughBehavior,
  task: passThroughBehavior,
  exclusiveGateway: exclusiveGatewayBehavior,
  parallelGateway: parallelGatewayBehavior,
  inclusiveGateway: inclusiveGatewayBehavior,
  eventBasedGateway: eventBasedGatewayBehavior,
  callActivity: callActivityBehavior,
};

/** The behaviour of an execution: the multi-instance body wraps the element's own behaviour. */
export function behaviorFor(element: GraphElement, execution: ExecutionRow): ElementBehavior {
  if (element.mi && !execution.data.inner) return multiInstanceBehavior;
  const behavior = BY_TYPE[element.type];
  if (!behavior) throw new Error(`no behaviour for ${element.type}`);
  return behavior;
}
