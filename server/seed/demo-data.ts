import { courtRegions, demoSeed as workflowsDemoSeed, holidayCalendarName } from '../../workflows/index';
import type { DemoSeed } from './demo-seed.types';

/** The demo province, agencies, users, holidays and persons shipped by workflows/. */
export const demoSeed: DemoSeed = {
  demoPassword: workflowsDemoSeed.demoPassword,
  jurisdictions: workflowsDemoSeed.jurisdictions.map((j) => ({ code: j.code, name: j.name, level: j.level, parentCode: j.parentCode, structure: j.structure, courtRegionCode: j.courtRegionCode ?? null })),
  courtAreas: courtRegions.map((c) => ({ code: c.code, name: c.name, provinceCode: c.provinceCode, agencyCode: c.agencyCode })),
  agencies: workflowsDemoSeed.agencies.map((a) => ({ code: a.code, name: a.name, kind: a.kind, jurisdictionCode: a.jurisdictionCode, candidateGroups: a.candidateGroups })),
  users: workflowsDemoSeed.users.map((u) => ({ username: u.username, displayName: u.displayName, email: u.email, agencyCode: u.agencyCode, roles: [...u.roles] })),
  holidays: workflowsDemoSeed.holidays.map((h) => ({ date: h.date, name: holidayCalendarName(h), estimated: h.estimated })),
  persons: workflowsDemoSeed.persons.map((p) => ({
    id: p.id,
    fullName: p.fullName,
    otherNames: p.otherNames,
    dateOfBirth: p.dateOfBirth,
    sex: p.sex,
    idType: p.idType,
    idNumber: p.idNumber,
    communeCode: p.communeCode,
    permanentAddress: p.permanentAddress,
    status: p.status,
    statuses: p.statuses,
  })),
};
