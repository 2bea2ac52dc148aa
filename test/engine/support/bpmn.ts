/** Compact BPMN fixtures for engine tests (semantic XML only; no diagram). */
export function definitions(body: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  id="defs" targetNamespace="http://quytrinh.test">
${extra}
${body}
</bpmn:definitions>`;
}

export function process(id: string, body: string, extra = ''): string {
  return definitions(`<bpmn:process id="${id}" isExecutable="true">\n${body}\n</bpmn:process>`, extra);
}

export const start = (id = 'start') => `<bpmn:startEvent id="${id}"/>`;
export const end = (id = 'end') => `<bpmn:endEvent id="${id}"/>`;

export function flow(id: string, from: string, to: string, condition?: string): string {
  if (!condition) return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`;
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}">
  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${escape(condition)}</bpmn:conditionExpression>
</bpmn:sequenceFlow>`;
}

/** A chain of flows a → b → c … with ids f1, f2 … (prefix configurable). */
export function chain(ids: string[], prefix = 'f'): string {
  return ids.slice(1).map((to, index) => flow(`${prefix}${index + 1}`, ids[index], to)).join('\n');
}

export function userTask(id: string, extensions = ''): string {
  return `<bpmn:userTask id="${id}" name="${id}">${extensions ? `<bpmn:extensionElements>${extensions}</bpmn:extensionElements>` : ''}</bpmn:userTask>`;
}

export function serviceTask(id: string, type: string, extra = ''): string {
  return `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}" retries="3"/>${extra}</bpmn:extensionElements></bpmn:serviceTask>`;
}

export function message(id: string, name: string, key: string): string {
  return `<bpmn:message id="${id}" name="${name}"><bpmn:extensionElements><zeebe:subscription correlationKey="${escape(key)}"/></bpmn:extensionElements></bpmn:message>`;
}

export function timer(kind: 'timeDuration' | 'timeDate' | 'timeCycle', value: string): string {
  return `<bpmn:timerEventDefinition><bpmn:${kind} xsi:type="bpmn:tFormalExpression">${escape(value)}</bpmn:${kind}></bpmn:timerEventDefinition>`;
}

export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
