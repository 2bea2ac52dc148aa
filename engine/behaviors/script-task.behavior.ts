import { stripEquals } from '../feel/feel-evaluator';
import { complete, unexpected, wait, type ElementBehavior } from './behavior.types';
import { workerJob } from './behavior.helpers';

/** Script and business-rule tasks: a FEEL expression whose result goes to resultVariable. */
export const scriptTaskBehavior: ElementBehavior = {
  activate(ctx) {
    const script = ctx.element.script;
    if (!script) return wait(workerJob(ctx));
    const value = ctx.feel.evaluate(stripEquals(script.expression), ctx.variables());
    return complete(script.resultVariable ? { [script.resultVariable]: value } : undefined);
  },
  trigger(ctx, trigger) {
    if (trigger.kind === 'job-completed') return complete(trigger.variables);
    return unexpected(ctx, trigger);
  },
};
