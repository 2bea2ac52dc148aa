import { complete, unexpected, type ElementBehavior } from './behavior.types';

/** Manual task and undefined task: nothing to wait for. */
export const passThroughBehavior: ElementBehavior = {
  activate: () => complete(),
  trigger: unexpected,
};
