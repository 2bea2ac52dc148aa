import type { Ruleset } from './ruleset.types';
import { sharedSettings } from './settings';

/** Plan era (01/01/2022 – 28/02/2025): commune chairman prepares → district labour office → district court. */
export const ruleset2022: Ruleset = {
  id: '2022',
  title: { vi: 'Quy trình theo Luật 73/2021 và Nghị định 116/2021 (2022 – 02/2025)', en: 'L73 + ND116 regime (2022 – Feb 2025)' },
  effectiveFrom: '2022-01-01',
  effectiveTo: '2025-03-01',
  structures: ['2022'],
  legalBasis: ['L73', 'ND105', 'ND109', 'ND116', 'TT18', 'PL03', 'PL01', 'XLVPHC'],
  actors: {
    determinationRequester: {
      kind: 'police', level: 'commune', candidateGroup: '="police:" + communeCode',
      description: { vi: 'Công an cấp xã nơi phát hiện (hoặc công an huyện/tỉnh trong vụ việc)', en: 'Commune police where detected (or district/provincial police in their case)' },
    },
    dossierPreparer: {
      kind: 'people_committee', level: 'commune', candidateGroup: '="people_committee:" + communeCode',
      description: { vi: 'Chủ tịch UBND cấp xã nơi cư trú / nơi vi phạm', en: 'Commune chairman of residence / violation place' },
    },
    dossierChecker: {
      kind: 'labour_office', level: 'district', candidateGroup: '="labour_office:" + districtCode',
      description: { vi: 'Trưởng phòng LĐTBXH cấp huyện', en: 'Head of the district labour office' },
    },
    court: {
      kind: 'court', level: 'district', candidateGroup: '="court:" + districtCode',
      description: { vi: 'Tòa án nhân dân cấp huyện', en: 'District people\'s court' },
    },
    higherCourt: {
      kind: 'court', level: 'province', candidateGroup: '="court:" + provinceCode',
      description: { vi: 'Tòa án nhân dân cấp tỉnh', en: 'Provincial people\'s court' },
    },
    escort: {
      kind: 'police', level: 'district', candidateGroup: '="police:" + districtCode',
      description: { vi: 'Công an cấp huyện phối hợp Phòng LĐTBXH', en: 'District police with the labour office' },
    },
    postRehabDecider: {
      kind: 'people_committee', level: 'commune', candidateGroup: '="people_committee:" + communeCode',
      description: { vi: 'Chủ tịch UBND cấp xã', en: 'Commune chairman' },
    },
  },
  steps: { labourOfficeCheck: true, districtLevel: true },
  inactiveDeadlines: [],
  settings: {
    ...sharedSettings,
    escortUnit: {
      value: 'district_police', domainRef: '§6.1', options: ['district_police'],
      note: 'ND116 Art 54(1): district police with the labour office.',
    },
  },
};
