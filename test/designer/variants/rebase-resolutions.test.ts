import { describe, expect, it } from 'vitest';
import { lintBpmn } from '../../../designer';
import { conflictKey, extractOverrides, isResolvable, rebase } from '../../../designer/variants/rebase';
import { edit, PARENT } from './models';

const due = (days: number) => `dueDate="=add working days(now(), ${days})"`;
const dropNoEnd = (xml: string) =>
  edit(edit(xml, '<bpmn:endEvent id="EndNo" name="Không nghiện"><bpmn:incoming>F4</bpmn:incoming></bpmn:endEvent>', ''), '<bpmn:sequenceFlow id="F4" name="Không" sourceRef="Decide" targetRef="EndNo" />', '');

describe('rebase with a choice per conflict', () => {
  describe('both-changed (the province and the district changed the same deadline)', () => {
    const setup = async () => ({ overrides: await extractOverrides(PARENT, edit(PARENT, due(5), due(7))), newParent: edit(PARENT, due(5), due(10)) });

    it('should keep the variant’s value when the variant is chosen', async () => {
      // given
      const { overrides, newParent } = await setup();
      const key = conflictKey((await rebase(newParent, overrides)).conflicts[0]);
      // when
      const { xml, conflicts } = await rebase(newParent, overrides, { [key]: 'variant' });
      // then
      expect(conflicts).toEqual([expect.objectContaining({ kind: 'both-changed', elementId: 'Verify', resolution: 'variant' })]);
      expect(xml).toContain(due(7));
      expect(xml).not.toContain(due(10));
    });

    it('should take the parent’s new value when the parent is chosen, and still list the conflict', async () => {
      // given
      const { overrides, newParent } = await setup();
      const key = conflictKey({ kind: 'both-changed', elementId: 'Verify', unit: 'extensionElements.zeebe:taskSchedule' });
      // when
      const { xml, conflicts } = await rebase(newParent, overrides, { [key]: 'parent' });
      // then
      expect(conflicts).toEqual([expect.objectContaining({ kind: 'both-changed', elementId: 'Verify', resolution: 'parent' })]);
      expect(xml).toContain(due(10));
      expect(xml).not.toContain(due(7));
    });

    it('should apply a choice only to the conflict it names', async () => {
      // given the district also renamed Verify, which the province did not touch
      const overrides = await extractOverrides(PARENT, edit(edit(PARENT, due(5), due(7)), 'id="Verify" name="', 'id="Verify" name="Huyện: '));
      const newParent = edit(PARENT, due(5), due(10));
      // when
      const { xml } = await rebase(newParent, overrides, { [conflictKey({ kind: 'both-changed', elementId: 'Verify', unit: 'extensionElements.zeebe:taskSchedule' })]: 'parent', 'both-changed:Other:name': 'parent' });
      // then the non-conflicting rename stays the variant's
      expect(xml).toContain(due(10));
      expect(xml).toMatch(/id="Verify" name="Huyện: /);
    });
  });

  describe('removed-changed-by-parent (the district removed an end the province renamed)', () => {
    const setup = async () => ({ overrides: await extractOverrides(PARENT, dropNoEnd(PARENT)), newParent: edit(PARENT, 'name="Không nghiện"', 'name="Không nghiện ma túy"') });
    const key = conflictKey({ kind: 'removed-changed-by-parent', elementId: 'EndNo' });

    it('should remove the element when the variant is chosen', async () => {
      // given
      const { overrides, newParent } = await setup();
      // when
      const { xml, conflicts } = await rebase(newParent, overrides, { [key]: 'variant' });
      // then
      expect(conflicts).toEqual([expect.objectContaining({ kind: 'removed-changed-by-parent', elementId: 'EndNo', resolution: 'variant' })]);
      expect(xml).not.toContain('id="EndNo"');
    });

    it('should keep the parent’s changed element when the parent is chosen', async () => {
      // given
      const { overrides, newParent } = await setup();
      // when
      const { xml, conflicts } = await rebase(newParent, overrides, { [key]: 'parent' });
      // then
      expect(conflicts).toEqual([expect.objectContaining({ kind: 'removed-changed-by-parent', elementId: 'EndNo', resolution: 'parent' })]);
      expect(xml).toMatch(/<bpmn:endEvent id="EndNo" name="Không nghiện ma túy"/);
      expect(xml).toContain('bpmnElement="EndNo"');
      expect((await lintBpmn(xml)).filter((p) => p.rule === 'import')).toEqual([]);
    });
  });

  it('should offer a choice only where one exists', () => {
    // when / then
    expect(isResolvable({ kind: 'both-changed' })).toBe(true);
    expect(isResolvable({ kind: 'removed-changed-by-parent' })).toBe(true);
    expect(isResolvable({ kind: 'changed-removed-by-parent' })).toBe(false);
    expect(isResolvable({ kind: 'added-exists' })).toBe(false);
  });
});
