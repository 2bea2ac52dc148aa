import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FormDefinitionError,
  FormNotFoundError,
  FormVersionConflictError,
  formExists,
  formExistsCallback,
  getForm,
  getLatestForm,
  listForms,
  listFormVersions,
  requireForm,
  saveForm,
  type FormsTables,
} from '../../../forms/index';
import { FakeClock } from '../../support/clock';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { tt18 } from '../support';

describe('form registry (versioned form definitions)', () => {
  let t: TestDatabase<FormsTables>;
  const clock = new FakeClock();

  beforeAll(async () => {
    t = await createTestDatabase<FormsTables>();
  });
  afterAll(async () => {
    await t.destroy();
  });

  it('should store version 1 and return it as latest', async () => {
    // given
    const form = tt18();
    // when
    const saved = await saveForm(t.db, { ...form, id: 'reg.a' }, { createdBy: 'admin', clock });
    // then
    expect(saved.created).toBe(true);
    expect(saved.form.version).toBe(1);
    expect(saved.form.checksum).toMatch(/^[0-9a-f]{64}$/);
    const latest = await getLatestForm(t.db, 'reg.a');
    expect(latest?.schema).toEqual(form.schema);
    expect(latest?.uiSchema).toEqual(form.uiSchema);
    expect(latest?.translations).toEqual(form.translations);
    expect(latest?.createdAt).toEqual(clock.now());
    expect(latest?.mau).toBe('Mẫu 05');
  });

  it('should be idempotent on the same content and number a changed content as the next version', async () => {
    // given
    const form = { ...tt18(), id: 'reg.b' };
    await saveForm(t.db, form, { createdBy: 'admin', clock });
    // when
    const again = await saveForm(t.db, { ...form, version: undefined }, { createdBy: 'someone-else', clock });
    const changed = await saveForm(t.db, { ...form, version: undefined, title: { vi: 'Mới', en: 'New' } }, { createdBy: 'admin', clock });
    const changedAgain = await saveForm(t.db, { ...form, version: undefined, title: { vi: 'Mới', en: 'New' } }, { createdBy: 'admin', clock });
    // then
    expect(again).toMatchObject({ created: false, form: { version: 1, createdBy: 'admin' } });
    expect(changed).toMatchObject({ created: true, form: { version: 2 } });
    expect(changedAgain).toMatchObject({ created: false, form: { version: 2 } });
    expect((await listFormVersions(t.db, 'reg.b')).map((f) => f.version)).toEqual([1, 2]);
  });

  it('should accept the same explicit version twice with the same content, refuse different content', async () => {
    // given
    const form = { ...tt18(), id: 'reg.c', version: 3 };
    await saveForm(t.db, form, { createdBy: 'admin', clock });
    // when
    const same = await saveForm(t.db, structuredClone(form), { createdBy: 'admin', clock });
    const conflict = saveForm(t.db, { ...form, mau: 'Mẫu 99' }, { createdBy: 'admin', clock });
    // then
    expect(same.created).toBe(false);
    await expect(conflict).rejects.toBeInstanceOf(FormVersionConflictError);
    await expect(conflict).rejects.toMatchObject({ code: 'FORM_VERSION_CONFLICT' });
  });

  it('should keep old versions readable (running tasks keep theirs) while latest moves on', async () => {
    // given
    const form = { ...tt18(), id: 'reg.d' };
    await saveForm(t.db, form, { createdBy: 'admin', clock });
    const v2Schema = structuredClone(form.schema) as Record<string, Record<string, unknown>>;
    v2Schema.properties.note = { type: 'string', title: 'Ghi chú' };
    await saveForm(t.db, { ...form, version: 2, schema: v2Schema }, { createdBy: 'admin', clock });
    // when
    const v1 = await getForm(t.db, 'reg.d', 1);
    const latest = await requireForm(t.db, 'reg.d');
    // then
    expect((v1?.schema.properties as Record<string, unknown>).note).toBeUndefined();
    expect(latest.version).toBe(2);
    expect((latest.schema.properties as Record<string, unknown>).note).toBeDefined();
  });

  it('should refuse a definition whose schema does not compile in strict mode or whose examples are invalid', async () => {
    // given
    const unknownKeyword = { ...tt18(), id: 'reg.bad1', schema: { type: 'object', properties: { a: { type: 'string', colour: 'red' } } }, examples: {} };
    const unknownFormat = { ...tt18(), id: 'reg.bad2', schema: { type: 'object', properties: { a: { type: 'string', format: 'nope' } } }, examples: {} };
    const badExample = { ...tt18(), id: 'reg.bad3', examples: { valid: [{ fullName: 'A' }] } };
    // then
    await expect(saveForm(t.db, unknownKeyword, { createdBy: 'admin' })).rejects.toBeInstanceOf(FormDefinitionError);
    await expect(saveForm(t.db, unknownFormat, { createdBy: 'admin' })).rejects.toMatchObject({ code: 'FORM_DEFINITION_INVALID' });
    await expect(saveForm(t.db, badExample, { createdBy: 'admin' })).rejects.toThrow(/examples.valid\[0\]/);
    expect(await formExists(t.db, 'reg.bad1')).toBe(false);
  });

  it('should answer formExists (any or exact version) for the engine deploy check', async () => {
    // given
    await saveForm(t.db, { ...tt18(), id: 'reg.e' }, { createdBy: 'admin', clock });
    const check = formExistsCallback(t.db);
    // then
    expect(await formExists(t.db, 'reg.e')).toBe(true);
    expect(await formExists(t.db, 'reg.e', 1)).toBe(true);
    expect(await formExists(t.db, 'reg.e', 2)).toBe(false);
    expect(await check('reg.missing')).toBe(false);
    expect(await check('reg.e')).toBe(true);
  });

  it('should list the latest version of each form and throw FORM_NOT_FOUND for unknown ones', async () => {
    // when
    const list = await listForms(t.db);
    // then
    expect(list.find((f) => f.id === 'reg.b')?.latestVersion).toBe(2);
    expect(list.map((f) => f.id)).toEqual([...list.map((f) => f.id)].sort());
    await expect(requireForm(t.db, 'nope')).rejects.toBeInstanceOf(FormNotFoundError);
    await expect(requireForm(t.db, 'reg.a', 9)).rejects.toMatchObject({ code: 'FORM_NOT_FOUND' });
  });

  it('should settle concurrent saves of one version: same content once, different content conflicts', async () => {
    // given
    const form = { ...tt18(), id: 'reg.race', version: 1 };
    // when
    const same = await Promise.all([0, 1, 2].map(() => saveForm(t.db, structuredClone(form), { createdBy: 'admin', clock })));
    const different = await Promise.allSettled([
      saveForm(t.db, { ...form, version: 2, mau: 'A' }, { createdBy: 'admin', clock }),
      saveForm(t.db, { ...form, version: 2, mau: 'B' }, { createdBy: 'admin', clock }),
    ]);
    // then
    expect(same.filter((r) => r.created)).toHaveLength(1);
    expect(different.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = different.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(FormVersionConflictError);
  });

  it('should work inside a transaction', async () => {
    await t.db.transaction().execute(async (trx) => {
      await saveForm(trx, { ...tt18(), id: 'reg.trx' }, { createdBy: 'admin', clock });
      expect(await formExists(trx, 'reg.trx')).toBe(true);
    });
    expect(await formExists(t.db, 'reg.trx')).toBe(true);
  });
});
