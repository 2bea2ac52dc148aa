/** The shape of demo data the server seeds (workflows/ ships the real content). */
export interface SeedJurisdiction {
  code: string;
  name: string;
  level: 'province' | 'district' | 'commune';
  parentCode: string | null;
  structure: '2022' | '2025';
}

export interface SeedAgency {
  code: string;
  name: string;
  kind: string;
  jurisdictionCode: string;
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
}
