import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deleteDraft,
  DraftMigrationMissingError,
  draftMigrations,
  FormValidationError,
  getDraft,
  migrateDraft,
  registerDraftMigration,
  saveDraft,
  saveForm,
  type FormsTables,
  type StoredForm,
} from '../../../forms/index';
import { FakeClock } from '../../support/clock';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { tt18 } from '../support';

describe('drafts and draft migrations', () => {
  let t: TestDatabase<FormsTables>;
  let v1: StoredForm;
  let v2: StoredForm;
  const clock = new FakeClock();

  beforeAll(async () => {
    t = await createTestDatabase<FormsTables>();
    v1 = (await saveForm(t.db, { ...tt18(), id: 'draft.form' }, { createdBy: 'admin', clock })).form;
    const schema = structuredClone(v1.schema) as Record<string, Record<string, unknown>>;
    schema.properties.hoTen = schema.properties.fullName;
    delete schema.properties.fullName;
    schema.required = (schema.required as unknown as string[]).map((r) => (r === 'fullName' ? 'hoTen' : r)) as never;
    v2 = (await saveForm(t.db, { ...v1, version: 2, schema, examples: {} }, { createdBy: 'admin', clock })).form;
  });
  afterAll(async () => {
    draftMigrations.clear();
    await t.destroy();
  });

  it('should save a half-filled draft and give it back after a "reload"', async () => {
    // given
    const data = { fullName: 'Nguyễn'.normalize('NFD'), criteria: { craving: true } };
    // when
    await saveDraft(t.db, { taskId: 'task-1', form: v1, data, updatedBy: 'u1', clock });
    const loaded = await getDraft(t.db, 'task-1');
    // then
    expect(loaded).toEqual({
      taskId: 'task-1',
      formId: 'draft.form',
      formVersion: 1,
      data: { fullName: 'Nguyễn', criteria: { craving: true } },
      updatedAt: clock.now(),
      updatedBy: 'u1',
    });
  });

  it('should overwrite the previous draft of the task', async () => {
    // given
    await saveDraft(t.db, { taskId: 'task-2', form: v1, data: { fullName: 'A' }, updatedBy: 'u1', clock });
    clock.advance(60_000);
    // when
    await saveDraft(t.db, { taskId: 'task-2', form: v1, data: { fullName: 'AB', phone: '0912345678' }, updatedBy: 'u2', clock });
    // then
    const loaded = await getDraft(t.db, 'task-2');
    expect(loaded?.data).toEqual({ fullName: 'AB', phone: '0912345678' });
    expect(loaded?.updatedBy).toBe('u2');
    expect(loaded?.updatedAt).toEqual(clock.now());
  });

  it('should refuse drafts with wrong types, bad formats, unknown fields or forbidden keys', async () => {
    const attempts = [
      { criteria: { craving: 'yes' } },
      { dateOfBirth: '31/02/2020' },
      { hacker: true },
      JSON.parse('{"constructor":{"prototype":{}}}'),
    ];
    for (const data of attempts) {
      await expect(saveDraft(t.db, { taskId: 'task-bad', form: v1, data, updatedBy: 'u1', clock })).rejects.toBeInstanceOf(FormValidationError);
    }
    expect(await getDraft(t.db, 'task-bad')).toBeUndefined();
  });

  it('should delete a draft (on completion)', async () => {
    await saveDraft(t.db, { taskId: 'task-3', form: v1, data: {}, updatedBy: 'u1', clock });
    expect(await deleteDraft(t.db, 'task-3')).toBe(true);
    expect(await deleteDraft(t.db, 'task-3')).toBe(false);
    expect(await getDraft(t.db, 'task-3')).toBeUndefined();
  });

  it('should migrate a draft to a newer form version through the registered hook', async () => {
    // given
    registerDraftMigration('draft.form', 1, (data) => {
      const { fullName, ...rest } = data;
      return fullName === undefined ? rest : { ...rest, hoTen: fullName };
    });
    await saveDraft(t.db, { taskId: 'task-4', form: v1, data: { fullName: 'Trần B', phone: '0912345678' }, updatedBy: 'u1', clock });
    // when
    const kept = await getDraft(t.db, 'task-4');
    const migrated = await getDraft(t.db, 'task-4', { migrateTo: 2 });
    // then: the running task keeps v1; the migrated copy fits v2
    expect(kept?.formVersion).toBe(1);
    expect(kept?.data).toEqual({ fullName: 'Trần B', phone: '0912345678' });
    expect(migrated?.formVersion).toBe(2);
    expect(migrated?.data).toEqual({ phone: '0912345678', hoTen: 'Trần B' });
    await saveDraft(t.db, { taskId: 'task-4', form: v2, data: migrated?.data, updatedBy: 'u1', clock });
    expect((await getDraft(t.db, 'task-4'))?.formVersion).toBe(2);
  });

  it('should chain migrations and, in strict mode, refuse a missing step', () => {
    // given
    registerDraftMigration('chain', 1, (d) => ({ ...d, step1: true }));
    registerDraftMigration('chain', 2, (d) => ({ ...d, step2: true }));
    // when / then
    expect(migrateDraft('chain', 1, 3, { a: 1 })).toEqual({ a: 1, step1: true, step2: true });
    expect(migrateDraft('chain', 1, 4, { a: 1 })).toEqual({ a: 1, step1: true, step2: true });
    expect(() => migrateDraft('chain', 1, 4, { a: 1 }, { strict: true })).toThrow(DraftMigrationMissingError);
  });
});
