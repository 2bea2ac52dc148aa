import { complete, unexpected, wait, type ElementBehavior } from './behavior.types';
import { attribute } from './behavior.helpers';

/**
 * Call activity: starts the called process (binding latest / deployment / versionTag). Variables
 * in: all visible ones unless propagateAllParentVariables=false (then only input mappings, which
 * the runtime already set as locals). Out: decided by the runtime on `called-completed`.
 */
export const callActivityBehavior: ElementBehavior = {
  activate(ctx) {
    const called = ctx.element.called;
    if (!called) throw new Error(`call activity ${ctx.element.id} without called element`);
    const processId = String(attribute(ctx, called.processId));
    const variables = called.propagateAllParentVariables ? ctx.variables() : localInputs(ctx);
    return wait({ kind: 'call', processId, bindingType: called.bindingType, versionTag: called.versionTag, variables });
  },
  trigger(ctx, trigger) {
    if (trigger.kind === 'called-completed') return complete(trigger.variables);
    return unexpected(ctx, trigger);
  },
};

function localInputs(ctx: Parameters<ElementBehavior['activate']>[0]): Record<string, unknown> {
  const all = ctx.variables();
  const result: Record<string, unknown> = {};
  for (const mapping of ctx.element.inputs) result[mapping.target] = all[mapping.target];
  return result;
}
