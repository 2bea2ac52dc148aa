import type { AgencyKind, SeedAgency, Structure } from '../types';
import { courtRegions, jurisdictions } from './jurisdictions';

function agency(
  code: string, name: string, kind: AgencyKind, jurisdictionCode: string,
  structure: Structure | 'both', extraGroups: string[] = [],
): SeedAgency {
  return {
    code, name, kind, jurisdictionCode, structure,
    candidateGroups: [`${kind}:${jurisdictionCode}`, ...extraGroups, `agency:${code}`],
  };
}

const communes = jurisdictions.filter((j) => j.level === 'commune');
const districts = jurisdictions.filter((j) => j.level === 'district');

/** Commune police + commune people's committee in every commune of both structures. */
const communeAgencies: SeedAgency[] = communes.flatMap((c) => [
  agency(`CA-${c.code}`, `Công an ${c.name}`, 'police', c.code, c.structure),
  agency(`UBND-${c.code}`, `Ủy ban nhân dân ${c.name}`, 'people_committee', c.code, c.structure),
]);

/** 2022 district level: district police (until 03/2025), labour office (Phòng LĐTBXH), district court. */
const districtAgencies: SeedAgency[] = districts.flatMap((d) => [
  agency(`CA-${d.code}`, `Công an ${d.name}`, 'police', d.code, '2022'),
  agency(`LDTBXH-${d.code}`, `Phòng Lao động – Thương binh và Xã hội ${d.name}`, 'labour_office', d.code, '2022'),
  agency(`TAND-${d.code}`, `Tòa án nhân dân ${d.name}`, 'court', d.code, '2022'),
]);

/** 2025 regional courts sit in the province jurisdiction; they answer `court:<region code>`. */
const regionalCourts: SeedAgency[] = courtRegions.map((r) =>
  ({
    ...agency(r.agencyCode, `Tòa án nhân dân ${r.name}`, 'court', r.provinceCode, '2025'),
    candidateGroups: [`court:${r.code}`, `agency:${r.agencyCode}`],
  }),
);

const provincial: SeedAgency[] = [
  agency('CA-99-PC04', 'Phòng Cảnh sát điều tra tội phạm về ma túy – Công an Tỉnh Thử nghiệm', 'police', '99', 'both'),
  agency('BVTT-99', 'Bệnh viện Tâm thần Tỉnh Thử nghiệm (cơ sở xác định tình trạng nghiện)', 'health_facility', '99', 'both'),
  agency('CSCN-99', 'Cơ sở cai nghiện ma túy Tỉnh Thử nghiệm', 'rehab_centre', '99', 'both'),
  agency('VKS-99', 'Viện kiểm sát nhân dân Tỉnh Thử nghiệm', 'procuracy', '99', 'both'),
  agency('UBND-99', 'Ủy ban nhân dân Tỉnh Thử nghiệm', 'people_committee', '99', 'both'),
  agency('TAND-99', 'Tòa án nhân dân Tỉnh Thử nghiệm', 'court', '99', 'both'),
  agency('CA-98-PC04', 'Phòng Cảnh sát điều tra tội phạm về ma túy – Công an Tỉnh Đối chứng', 'police', '98', 'both'),
  agency('BVDK-98', 'Bệnh viện Đa khoa Tỉnh Đối chứng', 'health_facility', '98', 'both'),
  agency('CSCN-98', 'Cơ sở cai nghiện ma túy Tỉnh Đối chứng', 'rehab_centre', '98', 'both'),
  agency('UBND-98', 'Ủy ban nhân dân Tỉnh Đối chứng', 'people_committee', '98', 'both'),
];

export const agencies: SeedAgency[] = [...provincial, ...districtAgencies, ...regionalCourts, ...communeAgencies];
