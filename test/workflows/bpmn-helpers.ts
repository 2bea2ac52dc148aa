import * as bpmnModdle from 'bpmn-moddle';
import { parseExpression } from 'feelin';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bpmn-moddle elements are dynamic
export type El = any;

type ModdleCtor = new (packages: object) => { fromXML(xml: string): Promise<{ rootElement: El; warnings: unknown[] }> };
const BpmnModdle = (bpmnModdle as unknown as { BpmnModdle: ModdleCtor }).BpmnModdle;

export async function parseBpmn(xml: string): Promise<{ definitions: El; warnings: unknown[] }> {
  const moddle = new BpmnModdle({ zeebe: zeebeModdle });
  const { rootElement, warnings } = await moddle.fromXML(xml);
  return { definitions: rootElement, warnings };
}

/** All flow elements of a process, recursively through subprocesses. */
export function flowElements(container: El): El[] {
  return (container.flowElements ?? []).flatMap((e: El) => [e, ...(e.$type === 'bpmn:SubProcess' ? flowElements(e) : [])]);
}

export function extension(el: El, type: string): El | undefined {
  return (el.extensionElements?.values ?? []).find((v: El) => v.$type === type);
}

/** Engine-provided FEEL functions (docs/conventions.md) and feelin's parse context. */
const feelContext = {
  'add working days': () => null, 'add calendar days': () => null, 'add hours': () => null,
  'working days between': () => null, 'parent jurisdiction': () => null, 'date and time': () => null,
};

/** Parse errors of a FEEL expression (leading `=` stripped); empty when it parses. */
export function feelErrors(expression: string): string[] {
  const src = expression.startsWith('=') ? expression.slice(1) : expression;
  const errors: string[] = [];
  try {
    const tree = parseExpression(src, feelContext, undefined);
    tree.iterate({ enter(node) { if (node.type.isError) errors.push(`error at ${node.from}`); } });
  } catch (e) {
    errors.push(String(e));
  }
  return errors;
}

/** Every FEEL expression of a process element, with where it was found. */
export function feelExpressions(el: El): { where: string; expr: string }[] {
  const out: { where: string; expr: string }[] = [];
  const add = (where: string, v: unknown) => { if (typeof v === 'string' && v.startsWith('=')) out.push({ where: `${el.id} ${where}`, expr: v }); };
  add('condition', el.conditionExpression?.body);
  add('candidateGroups', extension(el, 'zeebe:AssignmentDefinition')?.candidateGroups);
  add('dueDate', extension(el, 'zeebe:TaskSchedule')?.dueDate);
  for (const io of extension(el, 'zeebe:IoMapping')?.inputParameters ?? []) add(`input ${io.target}`, io.source);
  for (const io of extension(el, 'zeebe:IoMapping')?.outputParameters ?? []) add(`output ${io.target}`, io.source);
  for (const d of el.eventDefinitions ?? []) {
    add('timeDate', d.timeDate?.body); add('timeDuration', d.timeDuration?.body); add('timeCycle', d.timeCycle?.body);
  }
  const loop = el.loopCharacteristics?.extensionElements?.values?.[0];
  add('inputCollection', loop?.inputCollection);
  return out;
}
