import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ServerDatabase } from '../../server/db/schema';
import { buildTestApp, loginAs, type LoggedIn } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { seedVariantIdentity } from './variants/variant.fixture';

const form = {
  id: 'designer.review-note',
  title: { vi: 'Phiếu ghi chú thẩm định', en: 'Review note' },
  schema: { type: 'object', required: ['note'], properties: { note: { type: 'string', title: 'Ghi chú', maxLength: 500 } } },
  translations: { en: { note: { title: 'Note' } } },
  examples: { valid: [{ note: 'Đủ hồ sơ' }] },
};

describe('forms routes: versioned save of form definitions', () => {
  let t: TestDatabase<ServerDatabase>;
  let app: FastifyInstance;
  const s: Record<string, LoggedIn> = {};

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>();
    await seedVariantIdentity(t.db);
    app = await buildTestApp(t.db);
    await app.ready();
    for (const u of ['admin.tinh', 'admin.huyen1', 'ca.xa1']) s[u] = await loginAs(app, u);
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  const save = (who: string, payload: object) => app.inject({ method: 'POST', url: '/api/forms', headers: s[who].headers, payload });
  const get = (who: string, url: string) => app.inject({ method: 'GET', url, headers: s[who].headers });

  it('should store version 1, return the same version for an unchanged save and version 2 for a change, audited once per version', async () => {
    // given / when
    const first = await save('admin.tinh', form);
    const unchanged = await save('admin.huyen1', form);
    const changed = await save('admin.huyen1', { ...form, schema: { ...form.schema, properties: { ...form.schema.properties, extra: { type: 'string', title: 'Thêm', maxLength: 50 } } } });

    // then
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ created: true, form: { id: form.id, version: 1 } });
    expect(unchanged.statusCode).toBe(200);
    expect(unchanged.json()).toMatchObject({ created: false, form: { version: 1, checksum: first.json().form.checksum } });
    expect(changed.statusCode).toBe(201);
    expect(changed.json().form.version).toBe(2);
    expect(changed.json().warnings.map((w: { code: string }) => w.code)).toContain('TRANSLATION_MISSING');
    const audits = await t.db.selectFrom('audit_log').select(['resource_id', 'actor_id']).where('action', '=', 'form.version_saved').orderBy('id').execute();
    expect(audits.map((a) => a.resource_id)).toEqual([`${form.id}@1`, `${form.id}@2`]);
  });

  it('should read the latest, one version, every version and a paged list to any signed-in user', async () => {
    // when
    const latest = await get('ca.xa1', `/api/forms/${form.id}`);
    const v1 = await get('ca.xa1', `/api/forms/${form.id}/versions/1`);
    const versions = await get('ca.xa1', `/api/forms/${form.id}/versions`);
    const list = await get('ca.xa1', '/api/forms?q=ghi%20ch%C3%BA&limit=10');
    const missing = await get('ca.xa1', '/api/forms/designer.none');
    const missingVersion = await get('ca.xa1', `/api/forms/${form.id}/versions/9`);

    // then
    expect(latest.json()).toMatchObject({ id: form.id, version: 2 });
    expect(v1.json().schema.properties.extra).toBeUndefined();
    expect(versions.json().items.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: form.id, latestVersion: 2 }] });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('FORM_NOT_FOUND');
    expect(missingVersion.json().error.code).toBe('FORM_NOT_FOUND');
  });

  it('should refuse an invalid definition with a bilingual code and store nothing', async () => {
    // when
    const unknownKeyword = await save('admin.tinh', { ...form, id: 'designer.bad', schema: { type: 'object', properties: { a: { type: 'string', colour: 'red' } } } });
    const badExample = await save('admin.tinh', { ...form, id: 'designer.bad', examples: { valid: [{}] } });
    const noEnglishTitle = await save('admin.tinh', { ...form, id: 'designer.bad', title: { vi: 'Chỉ tiếng Việt' } });
    const unknownWidget = await save('admin.tinh', { ...form, id: 'designer.bad', uiSchema: { note: { 'ui:widget': 'nope' } } });

    // then
    expect(unknownKeyword.statusCode).toBe(422);
    expect(unknownKeyword.json().error).toMatchObject({ code: 'FORM_DEFINITION_INVALID', message: { vi: expect.any(String), en: expect.any(String) } });
    expect(unknownKeyword.json().error.details.problems[0].message.vi).toBeTruthy();
    expect(badExample.json().error.code).toBe('FORM_DEFINITION_INVALID');
    expect(noEnglishTitle.statusCode).toBe(400);
    expect(noEnglishTitle.json().error.code).toBe('VALIDATION_FAILED');
    expect(unknownWidget.json().error.code).toBe('FORM_DEFINITION_INVALID');
    expect((await get('admin.tinh', '/api/forms/designer.bad')).statusCode).toBe(404);
  });

  it('should refuse saves by staff', async () => {
    // when
    const staff = await save('ca.xa1', { ...form, title: { vi: 'Đổi', en: 'Changed' } });

    // then
    expect(staff.statusCode).toBe(403);
    expect((await get('ca.xa1', `/api/forms/${form.id}`)).json().version).toBe(2);
  });
});
