import { describe, expect, it } from 'vitest';
import { diffModels } from '../../../designer';
import { edit, insertCounselling, PARENT } from './models';

describe('diffModels', () => {
  it('should find no difference between a model and itself', async () => {
    expect(await diffModels(PARENT, PARENT)).toEqual({ added: [], removed: [], changed: [] });
  });

  it('should report due date, candidate group and form changes of a user task', async () => {
    // given a district variant with a longer deadline, another agency and a local form
    let variant = edit(PARENT, 'dueDate="=add working days(now(), 5)"', 'dueDate="=add working days(now(), 7)"');
    variant = edit(variant, 'candidateGroups="=&#34;police:&#34; + communeCode"', 'candidateGroups="police:19300"');
    variant = edit(variant, 'formId="determination.request"', 'formId="determination.request.q1"');
    // when
    const diff = await diffModels(PARENT, variant);
    // then
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([
      {
        id: 'Verify',
        type: 'bpmn:UserTask',
        name: 'Xác minh',
        parentId: 'determination',
        properties: [
          { key: 'extensionElements.zeebe:assignmentDefinition.candidateGroups', before: '="police:" + communeCode', after: 'police:19300' },
          { key: 'extensionElements.zeebe:formDefinition.formId', before: 'determination.request', after: 'determination.request.q1' },
          { key: 'extensionElements.zeebe:taskSchedule.dueDate', before: '=add working days(now(), 5)', after: '=add working days(now(), 7)' },
        ],
      },
    ]);
  });

  it('should report an added step with its rewired flows', async () => {
    // when
    const diff = await diffModels(PARENT, insertCounselling(PARENT));
    // then
    expect(diff.added.map((e) => e.id).sort()).toEqual(['Counsel', 'F2b']);
    expect(diff.added.find((e) => e.id === 'Counsel')?.properties).toContainEqual({ key: 'extensionElements.zeebe:formDefinition.formId', after: 'counselling.record' });
    expect(diff.changed).toEqual([expect.objectContaining({ id: 'F2', properties: [{ key: 'targetRef', before: 'Decide', after: 'Counsel' }] })]);
  });

  it('should report removed elements, conditions, messages and added schedules', async () => {
    // given
    let variant = edit(PARENT, '=criteriaCount &gt;= 2', '=criteriaCount &gt;= 3');
    variant = edit(variant, 'correlationKey="=caseId"', 'correlationKey="=personId"');
    variant = edit(variant, '<zeebe:assignmentDefinition candidateGroups="health_facility:44" />', '<zeebe:assignmentDefinition candidateGroups="health_facility:44" /><zeebe:taskSchedule dueDate="P3D" />');
    variant = edit(variant, '<bpmn:endEvent id="EndNo" name="Không nghiện"><bpmn:incoming>F4</bpmn:incoming></bpmn:endEvent>', '');
    // when
    const diff = await diffModels(PARENT, variant);
    // then
    expect(diff.removed.map((e) => e.id)).toEqual(['EndNo']);
    const changes = Object.fromEntries(diff.changed.map((e) => [e.id, e.properties]));
    expect(changes.F3).toEqual([{ key: 'conditionExpression.body', before: '=criteriaCount >= 2', after: '=criteriaCount >= 3' }]);
    expect(changes.Msg_court).toEqual([{ key: 'extensionElements.zeebe:subscription.correlationKey', before: '=caseId', after: '=personId' }]);
    expect(changes.Conclude).toEqual([{ key: 'extensionElements.zeebe:taskSchedule.dueDate', after: 'P3D' }]);
    expect(changes.F4).toEqual([{ key: 'targetRef', before: 'EndNo' }]);
  });
});
