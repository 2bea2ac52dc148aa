import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../forms/index';
import { currentFormManifest, formManifestProblems, loadForms, readFormManifest, type FormFile } from '../../workflows/index';

/** A copy of `value` with every object's keys in reverse order (same content, other serialisation). */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
}

describe('shipped form versions (workflows/form-checksums.json)', () => {
  const forms = loadForms();
  const form = (id: string): FormFile => structuredClone(forms.find((f) => f.id === id)!);

  it('should record every shipped form with its version and the checksum of its content', async () => {
    // given
    const recorded = readFormManifest();
    // when
    const problems = formManifestProblems(recorded, await currentFormManifest(forms));
    // then
    expect(problems.map((p) => p.message)).toEqual([]);
    expect(Object.keys(recorded)).toHaveLength(forms.length);
  });

  it('should fail, naming the form and the command, when a form changes without a version bump', async () => {
    // given: the manifest of today's forms, then iu.management-decision edited at the same version
    const recorded = await currentFormManifest(forms);
    const edited = form('iu.management-decision');
    edited.title = { ...edited.title, vi: `${edited.title.vi} (sửa)` };
    // when
    const problems = formManifestProblems(recorded, await currentFormManifest(forms.map((f) => (f.id === edited.id ? edited : f))));
    // then
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ id: 'iu.management-decision', blocking: true });
    expect(problems[0].message).toContain('form iu.management-decision changed; bump its version');
    expect(problems[0].message).toContain('`npm run forms:checksums`');
  });

  it('should only ask for the manifest update when the changed form got a new version', async () => {
    // given
    const recorded = await currentFormManifest(forms);
    const bumped = form('iu.management-decision');
    bumped.version += 1;
    bumped.schema.description = 'nội dung mới';
    // when
    const problems = formManifestProblems(recorded, await currentFormManifest(forms.map((f) => (f.id === bumped.id ? bumped : f))));
    // then
    expect(problems).toEqual([expect.objectContaining({ id: 'iu.management-decision', blocking: false })]);
    expect(problems[0].message).toContain(`is v${bumped.version}`);
  });

  it('should refuse a version that goes back and list new and removed forms', async () => {
    // given
    const recorded = await currentFormManifest(forms);
    const lowered = { ...recorded['iu.management-decision'], version: 1 };
    const current = { ...recorded, 'iu.management-decision': lowered, 'new.form': { version: 1, sha256: 'x' } };
    delete (current as Record<string, unknown>)['iu.notice'];
    // when
    const problems = formManifestProblems(recorded, current);
    // then
    expect(problems.map((p) => [p.id, p.blocking])).toEqual([
      ['iu.management-decision', true],
      ['new.form', false],
      ['iu.notice', false],
    ]);
  });

  it('should hash the canonical content the forms registry compares: key order and id/version do not count', async () => {
    // given
    const original = form('admission.intake');
    const shuffled = { ...(reverseKeys(original) as FormFile), id: 'other.id', version: original.version + 3 };
    // when
    const [a, b] = await Promise.all([currentFormManifest([original]), currentFormManifest([shuffled])]);
    // then
    expect(canonicalJson(shuffled.schema)).toBe(canonicalJson(original.schema));
    expect(JSON.stringify(shuffled.schema)).not.toBe(JSON.stringify(original.schema));
    expect(b['other.id'].sha256).toBe(a['admission.intake'].sha256);
  });
});
