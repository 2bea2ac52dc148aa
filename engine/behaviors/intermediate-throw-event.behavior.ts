import { complete, unexpected, wait, type ElementBehavior, type Outcome } from './behavior.types';
import { publishJob, workerJob } from './behavior.helpers';

/** Throw events: none (pass through), message, signal, escalation, link. */
export const intermediateThrowEventBehavior: ElementBehavior = {
  activate(ctx): Outcome {
    const element = ctx.element;
    switch (element.eventKind) {
      case 'escalation': return { effects: [], next: { kind: 'throw-escalation', code: element.code ?? '' } };
      case 'link': return { effects: [], next: { kind: 'link', target: element.linkName ?? '' } };
      case 'message':
      case 'signal':
        return element.jobType ? wait(workerJob(ctx)) : complete(undefined, undefined, [publishJob(ctx)]);
      default: return complete();
    }
  },
  trigger(ctx, trigger) {
    if (trigger.kind === 'job-completed') return complete(trigger.variables);
    return unexpected(ctx, trigger);
  },
};
