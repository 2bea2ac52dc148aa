import { complete, unexpected, wait, type ElementBehavior, type Outcome } from './behavior.types';
import { publishJob, workerJob } from './behavior.helpers';

/** End events: none, terminate, error, escalation, message/signal (worker job or outbox publish). */
export const endEventBehavior: ElementBehavior = {
  activate(ctx): Outcome {
    const element = ctx.element;
    switch (element.eventKind) {
      case 'terminate': return { effects: [], next: { kind: 'terminate-scope' } };
      case 'error': return { effects: [], next: { kind: 'throw-error', code: element.code ?? '' } };
      case 'escalation': return { effects: [], next: { kind: 'throw-escalation', code: element.code ?? '' } };
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
