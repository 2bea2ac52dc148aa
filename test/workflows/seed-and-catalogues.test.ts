import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deadlines, demoSeed, jurisdictionsOf, rulesets, selectRuleset } from '../../workflows/index';

describe('workflows/seed', () => {
  const { jurisdictions, agencies, users, persons, holidays } = demoSeed;
  const codes = new Set(jurisdictions.map((j) => j.code));

  it('should be referentially consistent', () => {
    expect(codes.size).toBe(jurisdictions.length);
    for (const j of jurisdictions) {
      if (j.parentCode) expect(codes.has(j.parentCode), j.code).toBe(true);
      const parent = jurisdictions.find((p) => p.code === j.parentCode);
      expect(j.path).toBe(`${parent ? parent.path : '/'}${j.code}/`);
      for (const m of j.mergedFrom ?? []) expect(jurisdictions.find((x) => x.code === m)?.structure).toBe('2022');
    }
    const agencyCodes = new Set(agencies.map((a) => a.code));
    expect(agencyCodes.size).toBe(agencies.length);
    for (const a of agencies) expect(codes.has(a.jurisdictionCode), a.code).toBe(true);
    const usernames = new Set(users.map((u) => u.username));
    expect(usernames.size).toBe(users.length);
    for (const u of users) if (u.agencyCode) expect(agencyCodes.has(u.agencyCode), u.username).toBe(true);
    for (const p of persons) expect(jurisdictions.find((j) => j.code === p.communeCode)?.level, p.fullName).toBe('commune');
  });

  it('should have both structures for the demo province and a second province', () => {
    const of = (s: '2022' | '2025') => jurisdictionsOf(s).filter((j) => j.path.startsWith('/99/'));
    expect(of('2022').filter((j) => j.level === 'district')).toHaveLength(2);
    expect(of('2022').filter((j) => j.level === 'commune')).toHaveLength(6);
    expect(of('2025').filter((j) => j.level === 'commune').every((j) => j.parentCode === '99')).toBe(true);
    expect(jurisdictions.filter((j) => j.level === 'province').map((j) => j.code)).toEqual(['99', '98']);
  });

  it('should have a user for every role and agency kinds of DOMAIN.md', () => {
    for (const role of ['staff', 'supervisor', 'admin', 'provincial_admin', 'auditor', 'leader']) {
      expect(users.some((u) => u.roles.includes(role as never)), role).toBe(true);
    }
    for (const kind of ['police', 'people_committee', 'health_facility', 'labour_office', 'court', 'procuracy', 'rehab_centre']) {
      expect(agencies.some((a) => a.kind === kind), kind).toBe(true);
    }
    for (const name of ['ca.xa1', 'ubnd.xa1', 'yte.tinh', 'toa.khuvuc1', 'trungtam', 'admin.tinh']) {
      expect(users.map((u) => u.username)).toContain(name);
    }
    expect(demoSeed.demoPassword.length).toBeGreaterThanOrEqual(8);
  });

  it('should resolve every candidate group a procedure builds for the demo communes', () => {
    const groups = new Set(agencies.flatMap((a) => a.candidateGroups));
    for (const c of jurisdictionsOf('2025').filter((j) => j.level === 'commune')) {
      expect(groups.has(`police:${c.code}`)).toBe(true);
      expect(groups.has(`people_committee:${c.code}`)).toBe(true);
      expect(groups.has(`court:${c.courtRegionCode}`)).toBe(true);
    }
    for (const d of jurisdictions.filter((j) => j.level === 'district')) {
      for (const k of ['labour_office', 'court', 'police']) expect(groups.has(`${k}:${d.code}`), `${k}:${d.code}`).toBe(true);
    }
    for (const k of ['health_facility', 'rehab_centre', 'police', 'court', 'procuracy']) expect(groups.has(`${k}:99`), k).toBe(true);
  });

  it('should have ~30 persons with valid CCCD numbers and Vietnamese names', () => {
    expect(persons.length).toBeGreaterThanOrEqual(30);
    expect(new Set(persons.map((p) => p.idNumber)).size).toBe(persons.length);
    for (const p of persons) {
      expect(p.idNumber).toMatch(/^099[0-3]\d{8}$/);
      expect(p.fullName).toMatch(/[^\u0020-\u007e]/);
      expect(p.status).toBe(p.statuses[p.statuses.length - 1].status);
    }
  });

  it('should list holidays 2025–2027 including Tết, sorted and unique', () => {
    const dates = holidays.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    for (const y of ['2025', '2026', '2027']) expect(holidays.some((h) => h.date.startsWith(y) && h.name.includes('Tết Nguyên đán'))).toBe(true);
  });
});

describe('workflows/deadlines', () => {
  it('should contain every deadline of DOMAIN.md §8', () => {
    // given
    const domain = readFileSync('/work/shared/DOMAIN.md', 'utf8');
    const listed = [...domain.matchAll(/^\| (D\d+) \|/gm)].map((m) => m[1]);
    // then
    expect(listed.length).toBeGreaterThanOrEqual(35);
    expect(deadlines.map((d) => d.id)).toEqual(listed);
  });
});

describe('workflows/rulesets', () => {
  it('should select the ruleset by date and structure', () => {
    expect(selectRuleset('2024-06-01', '2022').id).toBe('2022');
    expect(selectRuleset('2025-04-01', '2022').id).toBe('2025');
    expect(selectRuleset('2026-11-25', '2025').id).toBe('2025');
    expect(() => selectRuleset('2021-06-01', '2022')).toThrow();
  });

  it('should name every UNCONFIRMED point of DOMAIN.md §10 as a setting', () => {
    for (const r of Object.values(rulesets)) {
      const refs = Object.values(r.settings).map((s) => s.domainRef).join(' ');
      for (const item of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) {
        if (item <= 2 && r.id === '2022') continue; // post-2025 routing questions
        expect(refs, `${r.id} §10.${item}`).toContain(`§10.${item}`);
      }
    }
  });
});

describe('workflows/record-types', () => {
  it('should compile and accept a demo person', async () => {
    // given
    const { createFormsAjv } = await import('../../forms/index');
    const { loadRecordTypes } = await import('../../workflows/index');
    const ajv = createFormsAjv();
    const { person, case: kase } = loadRecordTypes();
    const p = demoSeed.persons[0];
    // when
    const validPerson = ajv.compile(person)({
      id: p.id, fullName: p.fullName, dateOfBirth: p.dateOfBirth, sex: p.sex,
      identity: { idType: p.idType, idNumber: p.idNumber },
      residence: { stableResidence: p.stableResidence, communeCode: p.communeCode, permanentAddress: p.permanentAddress },
      statuses: p.statuses.map(({ status, from, to, note }) => ({ status, from, ...(to ? { to } : {}), ...(note ? { note } : {}) })),
    });
    const validCase = ajv.compile(kase)({
      id: '10000000-0000-4000-8000-000000000001', code: 'HS-99130-2026-001', personId: p.id, ruleset: '2025',
      jurisdictionCode: '99130', openedAt: '2026-11-20T08:00:00+07:00',
      procedures: [{ procedureKey: 'addiction-determination', processInstanceId: '20000000-0000-4000-8000-000000000001', startedAt: '2026-11-20T08:00:00+07:00' }],
    });
    // then
    expect(validPerson).toBe(true);
    expect(validCase).toBe(true);
  });
});
