import type { RuleFactory } from 'bpmnlint';
import dueDateExpression from './rules/due-date-expression.rule';
import feelSyntax from './rules/feel-syntax.rule';
import messageCorrelationKey from './rules/message-correlation-key.rule';
import supportedElements from './rules/supported-elements.rule';
import timerExpression from './rules/timer-expression.rule';
import userTaskCandidateGroup from './rules/user-task-candidate-group.rule';
import userTaskForm from './rules/user-task-form.rule';

/** Our bpmnlint plugin: rules are referenced as `quy-trinh/<name>` (package `bpmnlint-plugin-quy-trinh`). */
export const PLUGIN_PACKAGE = 'bpmnlint-plugin-quy-trinh';

export const quyTrinhRules: Record<string, RuleFactory> = {
  'user-task-form': userTaskForm,
  'user-task-candidate-group': userTaskCandidateGroup,
  'timer-expression': timerExpression,
  'due-date-expression': dueDateExpression,
  'supported-elements': supportedElements,
  'message-correlation-key': messageCorrelationKey,
  'feel-syntax': feelSyntax,
};
