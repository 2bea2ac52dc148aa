import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../../server/db/schema';
import { seedIdentity, type DemoSeed } from '../../../server/seed/index';
import { loginAs, type LoggedIn } from '../../support/app';
import { testSeed } from '../fixtures/identity.fixture';

/** The shared test identity plus district 992 (commune 99201) and the variant admins of 991, 992 and commune 99101. */
export const variantSeed: DemoSeed = {
  ...testSeed,
  jurisdictions: [
    ...testSeed.jurisdictions,
    { code: '992', name: 'Huyện Núi Đá', level: 'district', parentCode: '99', structure: '2022' },
    { code: '99201', name: 'Xã Tân Lập (cũ)', level: 'commune', parentCode: '992', structure: '2022' },
  ],
  agencies: [
    ...testSeed.agencies,
    { code: 'LDTBXH-992', name: 'Phòng LĐTBXH huyện Núi Đá', kind: 'labour_office', jurisdictionCode: '992' },
    { code: 'CA-99201', name: 'Công an xã Tân Lập', kind: 'police', jurisdictionCode: '99201' },
    { code: 'UBND-99101', name: 'UBND xã Đông', kind: 'people_committee', jurisdictionCode: '99101' },
  ],
  users: [
    ...testSeed.users,
    { username: 'admin.huyen1', displayName: 'Quản trị huyện 1', agencyCode: 'LDTBXH-991', roles: ['variant_admin'] },
    { username: 'admin.huyen2', displayName: 'Quản trị huyện 2', agencyCode: 'LDTBXH-992', roles: ['variant_admin'] },
    { username: 'admin.xa.cu1', displayName: 'Quản trị xã cũ 1', agencyCode: 'UBND-99101', roles: ['variant_admin'] },
    { username: 'ca.h2.xa1', displayName: 'Công an xã Tân Lập', agencyCode: 'CA-99201', roles: ['staff'] },
  ],
  persons: [
    ...(testSeed.persons ?? []),
    { id: '00000000-0000-4000-8000-000000000021', fullName: 'Vũ Văn Núi', communeCode: '99201', idType: 'cccd', idNumber: '099088000021', sex: 'male' },
  ],
};

export async function seedVariantIdentity(db: Kysely<ServerDatabase>): Promise<void> {
  await seedIdentity(db, variantSeed);
}

/**
 * A small procedure: start → [district review] → reading period (police of the case's commune) → end.
 * `extraStep` adds the district's review step; `label` changes the name (a new version).
 */
export function procedureXml(key: string, options: { label?: string; extraStep?: boolean } = {}): string {
  const review = options.extraStep
    ? `<bpmn:userTask id="district_review" name="Huyện thẩm tra"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="=&quot;police:&quot; + communeCode"/></bpmn:extensionElements></bpmn:userTask>
    <bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="district_review"/>
    <bpmn:sequenceFlow id="f1" sourceRef="district_review" targetRef="read"/>`
    : '<bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="read"/>';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://t">
  <bpmn:process id="${key}" name="Hồ sơ ${options.label ?? ''}" isExecutable="true">
    <bpmn:startEvent id="s"/>
    ${review}
    <bpmn:userTask id="read" name="Đọc hồ sơ ${options.label ?? ''}"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="=&quot;police:&quot; + communeCode"/></bpmn:extensionElements></bpmn:userTask>
    <bpmn:endEvent id="e"/>
    <bpmn:sequenceFlow id="f2" sourceRef="read" targetRef="e"/>
  </bpmn:process>
</bpmn:definitions>`;
}

export type Who = 'admin' | 'admin.tinh' | 'admin.t98' | 'admin.huyen1' | 'admin.huyen2' | 'admin.xa.cu1' | 'ca.cu.xa1' | 'ca.h2.xa1' | 'ca.xa1' | 'ca.t98.xa1';
export const everyone: Who[] = ['admin', 'admin.tinh', 'admin.t98', 'admin.huyen1', 'admin.huyen2', 'admin.xa.cu1', 'ca.cu.xa1', 'ca.h2.xa1', 'ca.xa1', 'ca.t98.xa1'];

/** Signs everyone in; `call(who, method, url, payload?)` answers status + JSON. */
export async function sessions(app: FastifyInstance) {
  const s = {} as Record<Who, LoggedIn>;
  for (const who of everyone) s[who] = await loginAs(app, who);
  return async (who: Who, method: 'GET' | 'POST', url: string, payload?: object) => {
    const response = await app.inject({ method, url, headers: s[who].headers, ...(payload ? { payload } : {}) });
    return { status: response.statusCode, body: response.body ? (response.json() as Record<string, any>) : {} }; // eslint-disable-line @typescript-eslint/no-explicit-any -- test answers are read loosely
  };
}
