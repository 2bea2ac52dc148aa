import { readFileSync } from 'node:fs';

export const PARENT = readFileSync('test/designer/fixtures/parent-procedure.bpmn', 'utf8');

/** Replaces one exact piece of the model, failing loudly when it is not there. */
export function edit(xml: string, from: string, to: string): string {
  if (!xml.includes(from)) throw new Error(`fixture does not contain: ${from}`);
  return xml.replace(from, to);
}

/** The district variant's inserted step: a counselling task between Verify and Decide. */
export function insertCounselling(xml: string): string {
  let result = edit(xml, '<bpmn:sequenceFlow id="F2" sourceRef="Verify" targetRef="Decide" />', `<bpmn:sequenceFlow id="F2" sourceRef="Verify" targetRef="Counsel" />
    <bpmn:userTask id="Counsel" name="Tư vấn tại xã">
      <bpmn:extensionElements>
        <zeebe:formDefinition formId="counselling.record" />
        <zeebe:assignmentDefinition candidateGroups="people_committee:19300" />
      </bpmn:extensionElements>
      <bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F2b</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="F2b" sourceRef="Counsel" targetRef="Decide" />`);
  result = edit(result, '<bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F3</bpmn:outgoing>', '<bpmn:incoming>F2b</bpmn:incoming><bpmn:outgoing>F3</bpmn:outgoing>');
  result = edit(result, '<bpmndi:BPMNEdge id="F2_di"', `<bpmndi:BPMNShape id="Counsel_di" bpmnElement="Counsel"><dc:Bounds x="300" y="200" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="F2b_di" bpmnElement="F2b"><di:waypoint x="350" y="200" /><di:waypoint x="385" y="143" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F2_di"`);
  return result;
}
