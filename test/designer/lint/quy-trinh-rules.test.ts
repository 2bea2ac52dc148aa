import { describe, expect, it } from 'vitest';
import { lintBpmn, type Problem } from '../../../designer';
import { definitions, FORM, GROUPS, timerCatch, userTask } from './models';

async function problemsOf(rule: string, xml: string): Promise<Problem[]> {
  const problems = await lintBpmn(xml);
  expect(problems.filter((p) => p.rule === 'import' && p.category === 'error')).toEqual([]);
  return problems.filter((p) => p.rule === `quy-trinh/${rule}`);
}

describe('quy-trinh lint rules', () => {
  describe('user-task-form', () => {
    it('should report a user task without a formId', async () => {
      // given
      const xml = definitions(userTask(GROUPS));
      // when
      const problems = await problemsOf('user-task-form', xml);
      // then
      expect(problems).toEqual([expect.objectContaining({ id: 'Task_1', category: 'error' })]);
      expect(problems[0].message).toContain('biểu mẫu');
    });

    it('should report an empty formId and a form key instead of a form id', async () => {
      const xml = definitions(
        userTask(`<zeebe:formDefinition formId="" />${GROUPS}`, 'Task_1') +
          userTask(`<zeebe:formDefinition formKey="camunda-forms:bpmn:x" />${GROUPS}`, 'Task_2'),
      );
      expect((await problemsOf('user-task-form', xml)).map((p) => p.id)).toEqual(['Task_1', 'Task_2']);
    });

    it('should pass a user task linked to a form', async () => {
      expect(await problemsOf('user-task-form', definitions(userTask(FORM + GROUPS)))).toEqual([]);
    });
  });

  describe('user-task-candidate-group', () => {
    it('should report a user task without candidate groups', async () => {
      const xml = definitions(userTask(`${FORM}<zeebe:assignmentDefinition assignee="demo" />`));
      expect(await problemsOf('user-task-candidate-group', xml)).toEqual([expect.objectContaining({ id: 'Task_1' })]);
    });

    it('should report a candidate-group expression that does not parse', async () => {
      const xml = definitions(userTask(`${FORM}<zeebe:assignmentDefinition candidateGroups="=&quot;police:&quot; +" />`));
      const problems = await problemsOf('user-task-candidate-group', xml);
      expect(problems).toHaveLength(1);
      expect(problems[0].message).toContain('FEEL');
    });

    it('should pass static and FEEL candidate groups', async () => {
      const xml = definitions(
        userTask(FORM + GROUPS, 'Task_1') +
          userTask(`${FORM}<zeebe:assignmentDefinition candidateGroups="police:19300, people_committee:19300" />`, 'Task_2'),
      );
      expect(await problemsOf('user-task-candidate-group', xml)).toEqual([]);
    });
  });

  describe('timer-expression', () => {
    it.each([
      ['a duration that is not ISO 8601', '<bpmn:timeDuration>5 days</bpmn:timeDuration>'],
      ['a date that is not ISO 8601', '<bpmn:timeDate>31/01/2026</bpmn:timeDate>'],
      ['a cycle that is neither ISO 8601 nor cron', '<bpmn:timeCycle>every day</bpmn:timeCycle>'],
      ['a FEEL expression that does not parse', '<bpmn:timeDuration>=duration(</bpmn:timeDuration>'],
      ['a timer without a value', ''],
    ])('should report %s', async (_name, definition) => {
      const problems = await problemsOf('timer-expression', definitions(timerCatch(definition)));
      expect(problems).toEqual([expect.objectContaining({ id: 'Timer_1', category: 'error' })]);
    });

    it.each([
      ['an ISO duration', '<bpmn:timeDuration>P5D</bpmn:timeDuration>'],
      ['an ISO duration with time', '<bpmn:timeDuration>PT36H</bpmn:timeDuration>'],
      ['an ISO date-time', '<bpmn:timeDate>2026-01-31T09:00:00+07:00</bpmn:timeDate>'],
      ['a repeating interval', '<bpmn:timeCycle>R3/PT10M</bpmn:timeCycle>'],
      ['a cron expression', '<bpmn:timeCycle>0 0 9 * * MON-FRI</bpmn:timeCycle>'],
      ['a FEEL expression', '<bpmn:timeDuration>=duration("P" + string(days) + "D")</bpmn:timeDuration>'],
    ])('should pass %s', async (_name, definition) => {
      expect(await problemsOf('timer-expression', definitions(timerCatch(definition)))).toEqual([]);
    });
  });

  describe('due-date-expression', () => {
    it('should report a due date that is neither ISO 8601 nor FEEL', async () => {
      const xml = definitions(userTask(`${FORM}${GROUPS}<zeebe:taskSchedule dueDate="5 ngày làm việc" />`));
      expect(await problemsOf('due-date-expression', xml)).toEqual([expect.objectContaining({ id: 'Task_1' })]);
    });

    it('should report a follow-up date whose FEEL does not parse', async () => {
      const xml = definitions(userTask(`${FORM}${GROUPS}<zeebe:taskSchedule followUpDate="=add working days(now(), " />`));
      expect(await problemsOf('due-date-expression', xml)).toHaveLength(1);
    });

    it('should pass FEEL and ISO 8601 due dates', async () => {
      const xml = definitions(
        userTask(`${FORM}${GROUPS}<zeebe:taskSchedule dueDate="=add working days(now(), 5)" />`, 'Task_1') +
          userTask(`${FORM}${GROUPS}<zeebe:taskSchedule dueDate="2026-02-01T17:00:00+07:00" />`, 'Task_2'),
      );
      expect(await problemsOf('due-date-expression', xml)).toEqual([]);
    });
  });

  describe('message-correlation-key', () => {
    const message = (key: string) =>
      `<bpmn:message id="Message_1" name="court.decision">${key ? `<bpmn:extensionElements><zeebe:subscription correlationKey="${key}" /></bpmn:extensionElements>` : ''}</bpmn:message>`;
    const catchEvent = '<bpmn:intermediateCatchEvent id="Catch_1"><bpmn:messageEventDefinition messageRef="Message_1" /></bpmn:intermediateCatchEvent>';

    it('should report a message catch whose message has no correlation key', async () => {
      expect(await problemsOf('message-correlation-key', definitions(catchEvent, message('')))).toEqual([
        expect.objectContaining({ id: 'Catch_1' }),
      ]);
    });

    it('should report a receive task without a message', async () => {
      const xml = definitions('<bpmn:receiveTask id="Receive_1" />');
      expect(await problemsOf('message-correlation-key', xml)).toEqual([expect.objectContaining({ id: 'Receive_1' })]);
    });

    it('should report a correlation key that does not parse', async () => {
      expect(await problemsOf('message-correlation-key', definitions(catchEvent, message('=caseId +')))).toHaveLength(1);
    });

    it('should pass a catch event with a correlation key and a process-level message start without one', async () => {
      const start = '<bpmn:startEvent id="Start_1"><bpmn:messageEventDefinition messageRef="Message_2" /></bpmn:startEvent>';
      const xml = definitions(catchEvent + start, message('=caseId') + '<bpmn:message id="Message_2" name="case.opened" />');
      expect(await problemsOf('message-correlation-key', xml)).toEqual([]);
    });
  });

  describe('supported-elements', () => {
    it.each([
      ['a script task', '<bpmn:scriptTask id="X" />'],
      ['a generic task', '<bpmn:task id="X" />'],
      ['a complex gateway', '<bpmn:complexGateway id="X" />'],
      ['a transaction', '<bpmn:transaction id="X" />'],
      ['a conditional catch event', '<bpmn:intermediateCatchEvent id="X"><bpmn:conditionalEventDefinition /></bpmn:intermediateCatchEvent>'],
      ['a signal start event', '<bpmn:startEvent id="X"><bpmn:signalEventDefinition /></bpmn:startEvent>'],
      ['a compensation boundary event', '<bpmn:boundaryEvent id="X" attachedToRef="T"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent><bpmn:manualTask id="T" />'],
      ['a standard loop', '<bpmn:manualTask id="X"><bpmn:standardLoopCharacteristics /></bpmn:manualTask>'],
      ['a multiple event', '<bpmn:intermediateCatchEvent id="X"><bpmn:timerEventDefinition /><bpmn:signalEventDefinition /></bpmn:intermediateCatchEvent>'],
    ])('should report %s', async (_name, body) => {
      expect(await problemsOf('supported-elements', definitions(body))).toEqual([expect.objectContaining({ id: 'X' })]);
    });

    it('should pass every element the engine runs', async () => {
      const body = `
        <bpmn:startEvent id="S1" /><bpmn:startEvent id="S2"><bpmn:timerEventDefinition /></bpmn:startEvent>
        <bpmn:userTask id="U" /><bpmn:serviceTask id="Sv" /><bpmn:sendTask id="Sd" /><bpmn:receiveTask id="R" />
        <bpmn:manualTask id="M"><bpmn:multiInstanceLoopCharacteristics /></bpmn:manualTask><bpmn:businessRuleTask id="B" />
        <bpmn:exclusiveGateway id="G1" /><bpmn:parallelGateway id="G2" /><bpmn:inclusiveGateway id="G3" /><bpmn:eventBasedGateway id="G4" />
        <bpmn:intermediateCatchEvent id="C1"><bpmn:linkEventDefinition name="a" /></bpmn:intermediateCatchEvent>
        <bpmn:intermediateThrowEvent id="T1"><bpmn:escalationEventDefinition /></bpmn:intermediateThrowEvent>
        <bpmn:intermediateThrowEvent id="T2" />
        <bpmn:boundaryEvent id="BE" attachedToRef="U" cancelActivity="false"><bpmn:timerEventDefinition /></bpmn:boundaryEvent>
        <bpmn:callActivity id="CA" />
        <bpmn:subProcess id="SP"><bpmn:startEvent id="SP_S" /><bpmn:endEvent id="SP_E"><bpmn:terminateEventDefinition /></bpmn:endEvent></bpmn:subProcess>
        <bpmn:subProcess id="ESP" triggeredByEvent="true"><bpmn:startEvent id="ESP_S"><bpmn:errorEventDefinition /></bpmn:startEvent></bpmn:subProcess>
        <bpmn:endEvent id="E1"><bpmn:errorEventDefinition /></bpmn:endEvent><bpmn:endEvent id="E2"><bpmn:messageEventDefinition /></bpmn:endEvent>`;
      expect(await problemsOf('supported-elements', definitions(body))).toEqual([]);
    });
  });

  describe('feel-syntax', () => {
    const flow = (condition: string) =>
      `<bpmn:exclusiveGateway id="G" /><bpmn:endEvent id="E" /><bpmn:sequenceFlow id="F" sourceRef="G" targetRef="E">
        <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${condition}</bpmn:conditionExpression>
      </bpmn:sequenceFlow>`;

    it('should report a condition that does not parse or is not FEEL', async () => {
      expect(await problemsOf('feel-syntax', definitions(flow('=score &gt;')))).toEqual([expect.objectContaining({ id: 'F' })]);
      expect(await problemsOf('feel-syntax', definitions(flow('${score > 3}')))).toHaveLength(1);
    });

    it('should report an io mapping source that does not parse', async () => {
      const task = '<bpmn:serviceTask id="S"><bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=a +" target="b" /></zeebe:ioMapping></bpmn:extensionElements></bpmn:serviceTask>';
      expect(await problemsOf('feel-syntax', definitions(task))).toEqual([expect.objectContaining({ id: 'S' })]);
    });

    it('should pass valid FEEL conditions and mappings', async () => {
      const task = '<bpmn:serviceTask id="S"><bpmn:extensionElements><zeebe:taskDefinition type="notify" /><zeebe:ioMapping><zeebe:input source="=caseId" target="id" /></zeebe:ioMapping></bpmn:extensionElements></bpmn:serviceTask>';
      expect(await problemsOf('feel-syntax', definitions(flow('=criteriaCount &gt;= 2 and ruleset = "2025"') + task))).toEqual([]);
    });
  });
});
