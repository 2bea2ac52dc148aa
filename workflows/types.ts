/** Shared types of the shipped content (procedures, forms, rulesets, deadlines, seed). */

export type Structure = '2022' | '2025';
export type RulesetId = '2022' | '2025';
export type Localized = { vi: string; en: string };

export interface SeedJurisdiction {
  code: string;
  name: string;
  level: 'province' | 'district' | 'commune';
  parentCode: string | null;
  structure: Structure;
  /** Materialised path of codes per docs/conventions.md, e.g. `/99/991/99101/` or `/99/99130/`. */
  path: string;
  /** 2025 communes: the 2022 communes merged into this one. */
  mergedFrom?: string[];
  /** 2025 communes: code of the regional court area (`99-KV1`) used in `court:` candidate groups. */
  courtRegionCode?: string;
}

export type AgencyKind =
  | 'police'
  | 'people_committee'
  | 'health_facility'
  | 'labour_office'
  | 'court'
  | 'procuracy'
  | 'rehab_centre';

export interface SeedAgency {
  code: string;
  name: string;
  kind: AgencyKind;
  jurisdictionCode: string;
  /** BPMN candidate groups this agency answers (`police:99130`, `court:99-KV1`, `agency:<code>`). */
  candidateGroups: string[];
  /** Which administrative structure it belongs to (a provincial agency serves both). */
  structure: Structure | 'both';
}

export type Role = 'staff' | 'supervisor' | 'admin' | 'provincial_admin' | 'auditor' | 'leader' | 'variant_admin';

export interface SeedUser {
  username: string;
  displayName: string;
  email: string;
  agencyCode: string | null;
  roles: Role[];
}

export interface SeedHoliday {
  date: string;
  name: string;
  /** true when the day was not yet officially announced when this list was written. */
  estimated?: boolean;
}

export type PersonStatus =
  | 'illegal_user_managed'
  | 'addicted'
  | 'voluntary_rehab'
  | 'methadone'
  | 'interim_management'
  | 'compulsory_rehab'
  | 'post_rehab'
  | 'closed';

export interface SeedPerson {
  id: string;
  fullName: string;
  otherNames: string[];
  dateOfBirth: string;
  sex: 'male' | 'female';
  idType: 'cccd' | 'cmnd' | 'passport' | 'birth_certificate';
  idNumber: string;
  provinceCode: string;
  /** 2025-structure commune of residence. */
  communeCode: string;
  permanentAddress: string;
  stableResidence: boolean;
  /** Current status (the last entry of `statuses`). */
  status: PersonStatus;
  statuses: { status: PersonStatus; from: string; to?: string; note?: string }[];
  /** Procedure the demo case is in and the step, for the demo narrative. */
  stage: { procedure: string; step: string };
}

export interface DemoSeed {
  jurisdictions: SeedJurisdiction[];
  agencies: SeedAgency[];
  users: SeedUser[];
  demoPassword: string;
  holidays: SeedHoliday[];
  persons: SeedPerson[];
}
