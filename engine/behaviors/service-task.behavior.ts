import { complete, unexpected, wait, type ElementBehavior } from './behavior.types';
import { publishJob, workerJob } from './behavior.helpers';

/** Service / send task (a send task without a worker publishes its message through the outbox) (and script or business-rule task with a taskDefinition): a job for a worker. */
export const serviceTaskBehavior: ElementBehavior = {
  activate: (ctx) => (ctx.element.jobType ? wait(workerJob(ctx)) : complete(undefined, undefined, [publishJob(ctx)])),
  trigger(ctx, trigger) {
    if (trigger.kind === 'job-completed') return complete(trigger.variables);
    return unexpected(ctx, trigger);
  },
};
