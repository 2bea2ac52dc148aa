import type { DemoSeed, SeedAgency, SeedJurisdiction, SeedUser } from '../../server/seed/demo-seed.types';

/** Password of every bench user (never a real deployment: the bench database is throw-away). */
export const BENCH_PASSWORD = 'Bench@2026!';

/** Five provinces (real province codes, 2025 structure: province → commune) of 20 communes each. */
const PROVINCES = [
  { code: '01', name: 'Thành phố Hà Nội' },
  { code: '79', name: 'Thành phố Hồ Chí Minh' },
  { code: '31', name: 'Thành phố Hải Phòng' },
  { code: '48', name: 'Thành phố Đà Nẵng' },
  { code: '92', name: 'Thành phố Cần Thơ' },
];
export const COMMUNES_PER_PROVINCE = 20;

export interface BenchCommune {
  code: string;
  province: string;
  path: string;
  /** regional court answering this commune (`court:<region>`) */
  region: string;
}

export function benchCommunes(): BenchCommune[] {
  return PROVINCES.flatMap((p) =>
    Array.from({ length: COMMUNES_PER_PROVINCE }, (_, i) => {
      const code = `${p.code}${String(101 + i * 3).padStart(3, '0')}`;
      return { code, province: p.code, path: `/${p.code}/${code}/`, region: `${p.code}-KV${(i % 2) + 1}` };
    }),
  );
}

/** Usernames are predictable so the load generator can sign in as anyone: `<kind>.<jurisdiction>.<n>`. */
export function benchUsername(kind: string, jurisdiction: string, n: number): string {
  return `b.${kind}.${jurisdiction}.${n}`.toLowerCase();
}

/** Commune police + people's committee; per province police, health facility, rehab centre, 2 regional courts. */
export function benchIdentitySeed(): DemoSeed {
  const jurisdictions: SeedJurisdiction[] = [];
  const agencies: SeedAgency[] = [];
  const users: SeedUser[] = [];
  const staff = (agencyCode: string, kind: string, jurisdiction: string, roles: string[] = ['staff']) => {
    for (const n of [1, 2]) users.push({ username: benchUsername(kind, jurisdiction, n), displayName: `${kind} ${jurisdiction} #${n}`, agencyCode, roles });
  };
  for (const p of PROVINCES) {
    jurisdictions.push({ code: p.code, name: p.name, level: 'province', parentCode: null, structure: '2025' });
    for (const kind of ['police', 'health_facility', 'rehab_centre', 'people_committee'] as const) {
      const code = `B-${kind}-${p.code}`;
      agencies.push({ code, name: `${kind} ${p.name}`, kind, jurisdictionCode: p.code });
      staff(code, kind, p.code);
    }
    for (const region of ['KV1', 'KV2']) {
      const code = `B-court-${p.code}-${region}`;
      agencies.push({ code, name: `Tòa án nhân dân khu vực ${region} – ${p.name}`, kind: 'court', jurisdictionCode: p.code, candidateGroups: [`court:${p.code}-${region}`, `agency:${code}`] });
      staff(code, 'court', `${p.code}-${region}`);
    }
    users.push({ username: benchUsername('leader', p.code, 1), displayName: `Lãnh đạo ${p.name}`, agencyCode: `B-people_committee-${p.code}`, roles: ['leader'] });
  }
  for (const c of benchCommunes()) {
    jurisdictions.push({ code: c.code, name: `Xã ${c.code}`, level: 'commune', parentCode: c.province, structure: '2025' });
    for (const kind of ['police', 'people_committee'] as const) {
      const code = `B-${kind}-${c.code}`;
      agencies.push({ code, name: `${kind} xã ${c.code}`, kind, jurisdictionCode: c.code });
      staff(code, kind, c.code);
    }
  }
  return { jurisdictions, agencies, users, demoPassword: BENCH_PASSWORD };
}
