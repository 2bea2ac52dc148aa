import { describe, expect, it } from 'vitest';
import { diffModels, extractOverrides, lintBpmn, rebase } from '../../../designer';
import { edit, insertCounselling, PARENT } from './models';

const longerDeadline = (xml: string) => edit(xml, 'dueDate="=add working days(now(), 5)"', 'dueDate="=add working days(now(), 7)"');

describe('extractOverrides + rebase', () => {
  it('should reproduce the variant when the parent did not change', async () => {
    // given
    const variant = insertCounselling(longerDeadline(PARENT));
    const overrides = await extractOverrides(PARENT, variant);
    // when
    const { xml, conflicts } = await rebase(PARENT, overrides);
    // then
    expect(conflicts).toEqual([]);
    expect(await diffModels(variant, xml)).toEqual({ added: [], removed: [], changed: [] });
    expect(overrides.diff.added.map((e) => e.id).sort()).toEqual(['Counsel', 'F2b']);
  });

  it('should keep the parent’s new changes next to the variant’s overrides', async () => {
    // given the province renamed a step and changed another task's agency
    const overrides = await extractOverrides(PARENT, insertCounselling(longerDeadline(PARENT)));
    let newParent = edit(PARENT, 'name="Kết luận"', 'name="Kết luận của bác sĩ"');
    newParent = edit(newParent, 'candidateGroups="health_facility:44"', 'candidateGroups="health_facility:449"');
    // when
    const { xml, conflicts } = await rebase(newParent, overrides);
    // then
    expect(conflicts).toEqual([]);
    const diff = await diffModels(newParent, xml);
    expect(diff.added.map((e) => e.id).sort()).toEqual(['Counsel', 'F2b']);
    expect(diff.removed).toEqual([]);
    expect(Object.fromEntries(diff.changed.map((e) => [e.id, e.properties.map((p) => p.key)]))).toEqual({
      Verify: ['extensionElements.zeebe:taskSchedule.dueDate'],
      F2: ['targetRef'],
    });
    expect(xml).toContain('name="Kết luận của bác sĩ"');
    expect(xml).toContain('candidateGroups="health_facility:449"');
    expect(xml).toMatch(/<bpmndi:BPMNShape id="Counsel_di" bpmnElement="Counsel">/);
    // the rebased model still parses cleanly and wires the inserted step
    const importErrors = (await lintBpmn(xml)).filter((p) => p.rule === 'import');
    expect(importErrors).toEqual([]);
    expect(xml).toMatch(/<bpmn:exclusiveGateway id="Decide"[^>]*>\s*<bpmn:incoming>F2b<\/bpmn:incoming>/);
  });

  it('should report a conflict when the parent changed the property the variant overrides', async () => {
    // given both changed the due date of Verify
    const overrides = await extractOverrides(PARENT, longerDeadline(PARENT));
    const newParent = edit(PARENT, 'dueDate="=add working days(now(), 5)"', 'dueDate="=add working days(now(), 10)"');
    // when
    const { xml, conflicts } = await rebase(newParent, overrides);
    // then the variant's value is kept and the conflict names all three values
    expect(conflicts).toEqual([
      {
        kind: 'both-changed',
        elementId: 'Verify',
        unit: 'extensionElements.zeebe:taskSchedule',
        base: { 'extensionElements.zeebe:taskSchedule.dueDate': '=add working days(now(), 5)' },
        parent: { 'extensionElements.zeebe:taskSchedule.dueDate': '=add working days(now(), 10)' },
        variant: { 'extensionElements.zeebe:taskSchedule.dueDate': '=add working days(now(), 7)' },
        resolution: 'variant',
      },
    ]);
    expect(xml).toContain('dueDate="=add working days(now(), 7)"');
  });

  it('should not report a conflict when parent and variant made the same change', async () => {
    const overrides = await extractOverrides(PARENT, longerDeadline(PARENT));
    const { conflicts } = await rebase(longerDeadline(PARENT), overrides);
    expect(conflicts).toEqual([]);
  });

  it('should report a conflict when the parent removed an element the variant changed', async () => {
    // given the variant gives Conclude a deadline; the province drops Conclude
    const variant = edit(PARENT, '<zeebe:assignmentDefinition candidateGroups="health_facility:44" />', '<zeebe:assignmentDefinition candidateGroups="health_facility:44" /><zeebe:taskSchedule dueDate="P3D" />');
    const overrides = await extractOverrides(PARENT, variant);
    let newParent = edit(PARENT, /<bpmn:userTask id="Conclude"[\s\S]*?<\/bpmn:userTask>/.exec(PARENT)![0], '');
    newParent = edit(newParent, 'targetRef="Conclude"', 'targetRef="EndYes"');
    // when
    const { conflicts } = await rebase(newParent, overrides);
    // then
    expect(conflicts).toEqual([{ kind: 'changed-removed-by-parent', elementId: 'Conclude' }]);
  });

  it('should remove what the variant removed and report it when the parent changed it meanwhile', async () => {
    // given the variant drops the "no addiction" end (and its flow); the province renamed that end
    let variant = edit(PARENT, '<bpmn:endEvent id="EndNo" name="Không nghiện"><bpmn:incoming>F4</bpmn:incoming></bpmn:endEvent>', '');
    variant = edit(variant, '<bpmn:sequenceFlow id="F4" name="Không" sourceRef="Decide" targetRef="EndNo" />', '');
    const overrides = await extractOverrides(PARENT, variant);
    const newParent = edit(PARENT, 'name="Không nghiện"', 'name="Không nghiện ma túy"');
    // when
    const { xml, conflicts } = await rebase(newParent, overrides);
    // then
    expect(conflicts).toEqual([expect.objectContaining({ kind: 'removed-changed-by-parent', elementId: 'EndNo' })]);
    expect(xml).not.toContain('id="EndNo"');
    expect(xml).not.toContain('bpmnElement="EndNo"');
    expect(xml).not.toContain('bpmnElement="F4"');
    expect(xml).not.toMatch(/default="F4"/);
  });
});
