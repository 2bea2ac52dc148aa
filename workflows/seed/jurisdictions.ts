import type { SeedJurisdiction } from '../types';

/**
 * Demo jurisdictions. Province 99 "Tỉnh Thử nghiệm" (no real province has code 99) in both
 * structures: 2022 = province → 2 districts → 6 communes; 2025 = province → 3 merged communes.
 * Province 98 "Tỉnh Đối chứng" is a second, small province for authorization tests.
 *
 * A province belongs to both structures but `code` is unique, so it is listed once with
 * structure '2025'; `jurisdictionsOf('2022')` adds it back to the 2022 tree.
 */
const raw: Omit<SeedJurisdiction, 'path'>[] = [
  { code: '99', name: 'Tỉnh Thử nghiệm', level: 'province', parentCode: null, structure: '2025' },
  // 2022 structure (3 levels)
  { code: '991', name: 'Huyện Sông Xanh', level: 'district', parentCode: '99', structure: '2022' },
  { code: '99101', name: 'Thị trấn Sông Xanh', level: 'commune', parentCode: '991', structure: '2022' },
  { code: '99104', name: 'Xã Hòa Bình', level: 'commune', parentCode: '991', structure: '2022' },
  { code: '99107', name: 'Xã Bến Đò', level: 'commune', parentCode: '991', structure: '2022' },
  { code: '992', name: 'Huyện Núi Đá', level: 'district', parentCode: '99', structure: '2022' },
  { code: '99201', name: 'Xã Tân Lập', level: 'commune', parentCode: '992', structure: '2022' },
  { code: '99204', name: 'Xã Núi Đá', level: 'commune', parentCode: '992', structure: '2022' },
  { code: '99207', name: 'Xã Suối Ngọc', level: 'commune', parentCode: '992', structure: '2022' },
  // 2025 structure (2 levels, communes merged on 01/07/2025)
  {
    code: '99130', name: 'Xã Sông Xanh', level: 'commune', parentCode: '99', structure: '2025',
    mergedFrom: ['99101', '99104'], courtRegionCode: '99-KV1',
  },
  {
    code: '99160', name: 'Xã Bến Đò', level: 'commune', parentCode: '99', structure: '2025',
    mergedFrom: ['99107', '99201'], courtRegionCode: '99-KV1',
  },
  {
    code: '99230', name: 'Xã Núi Đá', level: 'commune', parentCode: '99', structure: '2025',
    mergedFrom: ['99204', '99207'], courtRegionCode: '99-KV2',
  },
  // Second province (authorization tests)
  { code: '98', name: 'Tỉnh Đối chứng', level: 'province', parentCode: null, structure: '2025' },
  { code: '981', name: 'Huyện Đồng Cỏ', level: 'district', parentCode: '98', structure: '2022' },
  { code: '98101', name: 'Xã Đồng Cỏ', level: 'commune', parentCode: '981', structure: '2022' },
  { code: '98104', name: 'Xã Cát Vàng', level: 'commune', parentCode: '981', structure: '2022' },
  {
    code: '98130', name: 'Xã Đồng Cỏ', level: 'commune', parentCode: '98', structure: '2025',
    mergedFrom: ['98101', '98104'], courtRegionCode: '98-KV1',
  },
];

function withPaths(list: Omit<SeedJurisdiction, 'path'>[]): SeedJurisdiction[] {
  const byCode = new Map(list.map((j) => [j.code, j]));
  const pathOf = (code: string): string => {
    const j = byCode.get(code);
    if (!j) throw new Error(`unknown jurisdiction ${code}`);
    return `${j.parentCode ? pathOf(j.parentCode) : '/'}${j.code}/`;
  };
  return list.map((j) => ({ ...j, path: pathOf(j.code) }));
}

export const jurisdictions: SeedJurisdiction[] = withPaths(raw);

/** The tree of one structure, provinces included. */
export function jurisdictionsOf(structure: '2022' | '2025'): SeedJurisdiction[] {
  return jurisdictions.filter((j) => j.level === 'province' || j.structure === structure);
}

/** Regional court areas (2025): code → court agency code. */
export const courtRegions: { code: string; name: string; provinceCode: string; agencyCode: string }[] = [
  { code: '99-KV1', name: 'Khu vực 1 – Tỉnh Thử nghiệm', provinceCode: '99', agencyCode: 'TAND-99-KV1' },
  { code: '99-KV2', name: 'Khu vực 2 – Tỉnh Thử nghiệm', provinceCode: '99', agencyCode: 'TAND-99-KV2' },
  { code: '98-KV1', name: 'Khu vực 1 – Tỉnh Đối chứng', provinceCode: '98', agencyCode: 'TAND-98-KV1' },
];
