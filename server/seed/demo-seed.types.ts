/** The shape of demo data the server seeds (workflows/ ships the real content). */
export interface SeedJurisdiction {
  code: string;
  name: string;
  level: 'province' | 'district' | 'commune';
  parentCode: string | null;
  structure: '2022' | '2025';
  /** 2025 communes: the regional court area (`court_area.code`) set when the seed creates the commune or the area */
  courtRegionCode?: string | null;
}

/** A regional court area of a province (2025 courts). */
export interface SeedCourtArea {
  code: string;
  name: string;
  provinceCode: string;
  agencyCode?: string | null;
}

export interface SeedAgency {
  code: string;
  name: string;
  kind: string;
  jurisdictionCode: string;
  /** Candidate groups the agency answers; default `<kind>:<jurisdiction code>` and `agency:<code>`. */
  candidateGroups?: string[];
}

export interface SeedUser {
  username: string;
  displayName: string;
  email?: string | null;
  agencyCode: string | null;
  roles: string[];
}

export interface DemoSeed {
  jurisdictions: SeedJurisdiction[];
  agencies: SeedAgency[];
  users: SeedUser[];
  demoPassword: string;
  persons?: SeedPerson[];
  /** court areas; missing areas named by communes' `courtRegionCode` are created with a generic name */
  courtAreas?: SeedCourtArea[];
  holidays?: { date: string; name: string; estimated?: boolean }[];
}

export interface SeedPerson {
  id: string;
  fullName: string;
  otherNames?: string[];
  dateOfBirth?: string | null;
  sex?: 'male' | 'female' | null;
  idType?: 'cccd' | 'cmnd' | 'passport' | 'birth_certificate' | null;
  idNumber?: string | null;
  communeCode: string;
  permanentAddress?: string | null;
  status?: string | null;
  statuses?: unknown[];
}
