import { complete, unexpected, wait, type ElementBehavior } from './behavior.types';
import { attribute, toInstant, toList } from './behavior.helpers';

/** User task: creates a task row (assignment, form, schedule, priority) and waits for completion. */
export const userTaskBehavior: ElementBehavior = {
  activate(ctx) {
    const user = ctx.element.user;
    const offsetFor = (ymd: string) => ctx.offsetFor(ymd);
    const priority = Number(attribute(ctx, user?.priority ?? null) ?? 50);
    const assignee = attribute(ctx, user?.assignee ?? null);
    return wait({
      kind: 'task',
      spec: {
        name: ctx.element.name,
        formKey: user?.formKey ?? null,
        assignee: assignee === null ? null : String(assignee),
        candidateGroups: toList(attribute(ctx, user?.candidateGroups ?? null)),
        candidateUsers: toList(attribute(ctx, user?.candidateUsers ?? null)),
        dueAt: toInstant(attribute(ctx, user?.dueDate ?? null), offsetFor),
        followUpAt: toInstant(attribute(ctx, user?.followUpDate ?? null), offsetFor),
        priority: Number.isFinite(priority) ? priority : 50,
      },
    });
  },
  trigger(ctx, trigger) {
    if (trigger.kind === 'task-completed') return complete(trigger.variables);
    return unexpected(ctx, trigger);
  },
};

