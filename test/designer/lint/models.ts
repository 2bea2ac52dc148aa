/** Small BPMN models for lint rule tests (Camunda 8 dialect, no DI). */
export function definitions(processBody: string, rootElements = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="Process_1" isExecutable="true">
    ${processBody}
  </bpmn:process>
  ${rootElements}
</bpmn:definitions>`;
}

/** A user task with the given zeebe extension elements. */
export function userTask(extensions: string, id = 'Task_1'): string {
  return `<bpmn:userTask id="${id}" name="Xác minh"><bpmn:extensionElements>${extensions}</bpmn:extensionElements></bpmn:userTask>`;
}

export const FORM = '<zeebe:formDefinition formId="determination.request" />';
export const GROUPS = '<zeebe:assignmentDefinition candidateGroups="=&quot;police:&quot; + communeCode" />';

export function timerCatch(definition: string, id = 'Timer_1'): string {
  return `<bpmn:intermediateCatchEvent id="${id}" name="Chờ"><bpmn:timerEventDefinition>${definition}</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`;
}
