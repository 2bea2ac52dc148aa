import type { ModdleElement, Reporter, RuleDefinition } from 'bpmnlint';
import { feelSyntaxError, isFeelExpression } from '../expression-syntax';
import { labelOf } from '../moddle-helpers';

/** Zeebe extension attributes (and BPMN bodies) that hold FEEL when they start with `=`. */
const FEEL_ATTRIBUTES: Record<string, string[]> = {
  'zeebe:Input': ['source'],
  'zeebe:Output': ['source'],
  'zeebe:CalledElement': ['processId'],
  'zeebe:TaskDefinition': ['type', 'retries'],
  'zeebe:AssignmentDefinition': ['assignee', 'candidateUsers'],
  'zeebe:LoopCharacteristics': ['inputCollection', 'outputElement'],
  'zeebe:CalledDecision': ['decisionId'],
};

/**
 * Every FEEL expression the engine evaluates parses: sequence-flow conditions, multi-instance
 * completion conditions, io mappings, called element, task definition and assignee. (Timers,
 * due dates, candidate groups and correlation keys have their own rules.)
 */
export default function feelSyntax(): RuleDefinition {
  function check(node: ModdleElement, reporter: Reporter) {
    if (node.$instanceOf('bpmn:SequenceFlow') || node.$instanceOf('bpmn:MultiInstanceLoopCharacteristics')) {
      const expression = (node.conditionExpression ?? node.completionCondition) as ModdleElement | undefined;
      const body = typeof expression?.body === 'string' ? expression.body : undefined;
      if (body !== undefined) {
        const error = isFeelExpression(body) ? feelSyntaxError(body) : 'điều kiện phải là biểu thức FEEL bắt đầu bằng "="';
        if (error) reporter.report(ownerId(node), `Điều kiện của ${labelOf(owner(node))}: ${error}`);
      }
      return;
    }
    const attributes = Object.entries(FEEL_ATTRIBUTES).find(([type]) => node.$instanceOf(type))?.[1];
    if (!attributes) return;
    for (const attribute of attributes) {
      const value = node.get(attribute);
      if (typeof value !== 'string' || !isFeelExpression(value)) continue;
      const error = feelSyntaxError(value);
      if (error) reporter.report(ownerId(node), `${labelOf(owner(node))} (${attribute}): ${error}`);
    }
  }
  return { check };
}

/** The BPMN element (with an id) an extension element or loop definition belongs to. */
function owner(node: ModdleElement): ModdleElement {
  for (let current: ModdleElement | undefined = node; current; current = current.$parent) {
    if (current.id && current.$instanceOf('bpmn:BaseElement') && !current.$instanceOf('bpmn:Expression') && !current.$instanceOf('bpmn:LoopCharacteristics')) {
      return current;
    }
  }
  return node;
}

function ownerId(node: ModdleElement): string {
  return owner(node).id ?? '';
}
