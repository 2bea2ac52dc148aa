import type { ModdleElement, Reporter, RuleDefinition } from 'bpmnlint';
import { checkTemporal } from '../expression-syntax';
import { eventDefinitionsOf, labelOf } from '../moddle-helpers';

const kinds = { timeDate: 'date-time', timeDuration: 'duration', timeCycle: 'cycle' } as const;

/**
 * Every timer has exactly one of timeDate / timeDuration / timeCycle, and its value is an
 * ISO 8601 date-time, duration or repeating interval (or cron), or a FEEL expression that parses.
 */
export default function timerExpression(): RuleDefinition {
  function check(node: ModdleElement, reporter: Reporter) {
    for (const definition of eventDefinitionsOf(node)) {
      if (!definition.$instanceOf('bpmn:TimerEventDefinition')) continue;
      const present = (Object.keys(kinds) as (keyof typeof kinds)[]).filter((key) => definition.get(key));
      if (present.length !== 1) {
        reporter.report(node.id ?? '', `Hẹn giờ ${labelOf(node)} cần đúng một trong: ngày giờ, khoảng thời gian, chu kỳ`);
        continue;
      }
      const key = present[0];
      const expression = definition.get(key) as ModdleElement;
      const body = typeof expression.body === 'string' ? expression.body : undefined;
      const error = checkTemporal(body, kinds[key]);
      if (error) reporter.report(node.id ?? '', `Hẹn giờ ${labelOf(node)}: ${error}`);
    }
  }
  return { check };
}
