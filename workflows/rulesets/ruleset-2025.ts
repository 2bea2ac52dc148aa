import type { Ruleset } from './ruleset.types';
import { sharedSettings } from './settings';

/**
 * From 01/03/2025 (TTLT03; rehab moved to the police) and the 2-level local government from
 * 01/07/2025: commune police prepare, no labour-office check, regional court (district court on
 * the 3-level map until 01/07/2025).
 */
export const ruleset2025: Ruleset = {
  id: '2025',
  title: { vi: 'Quy trình sau 01/03/2025 (Công an xã lập hồ sơ, Tòa án khu vực)', en: 'Regime from March 2025 (commune police, regional court)' },
  effectiveFrom: '2025-03-01',
  effectiveTo: null,
  structures: ['2025', '2022'],
  legalBasis: ['L73', 'ND105', 'ND109', 'ND116 (as amended by ND184)', 'TT18', 'TTLT03', 'PL03', 'PL01', 'PL08'],
  actors: {
    determinationRequester: {
      kind: 'police', level: 'commune', candidateGroup: '="police:" + communeCode',
      description: { vi: 'Công an cấp xã nơi phát hiện hoặc đơn vị Công an tỉnh', en: 'Commune police where detected, or a provincial-police unit' },
    },
    dossierPreparer: {
      kind: 'police', level: 'commune', candidateGroup: '="police:" + communeCode',
      description: { vi: 'Trưởng Công an cấp xã nơi cư trú / nơi vi phạm (TTLT03)', en: 'Chief of commune police of residence / violation place (TTLT03)' },
    },
    dossierChecker: null,
    court: {
      kind: 'court', level: 'court_region',
      candidateGroup: '=if courtRegionCode = null then "court:" + districtCode else "court:" + courtRegionCode',
      description: { vi: 'Tòa án nhân dân khu vực (Tòa án cấp huyện trước 01/07/2025)', en: 'Regional people\'s court (district court before 01/07/2025)' },
    },
    higherCourt: {
      kind: 'court', level: 'province', candidateGroup: '="court:" + provinceCode',
      description: { vi: 'Tòa án nhân dân cấp tỉnh (chưa xác nhận sau PL08)', en: 'Provincial court (UNCONFIRMED after PL08)' },
    },
    escort: {
      kind: 'police', level: 'province', candidateGroup: '="police:" + provinceCode',
      description: { vi: 'Đơn vị Công an đưa người (chưa xác nhận; mặc định Công an tỉnh)', en: 'Escorting police unit (UNCONFIRMED; default provincial police)' },
    },
    postRehabDecider: {
      kind: 'people_committee', level: 'commune', candidateGroup: '="people_committee:" + communeCode',
      description: { vi: 'Chủ tịch UBND cấp xã', en: 'Commune chairman' },
    },
  },
  steps: { labourOfficeCheck: false, districtLevel: false },
  inactiveDeadlines: ['D14', 'D15'],
  settings: {
    ...sharedSettings,
    dossierRouting: {
      value: 'direct_to_court', domainRef: '§4.2, §10.1', options: ['direct_to_court'],
      note: 'Who replaced the labour-office check after 03/2025 and ND184\'s new wording of ND116 Art 42 are UNCONFIRMED; the preparer sends straight to the court.',
    },
    escortUnit: {
      value: 'provincial_police', domainRef: '§6.1, §10.2', options: ['provincial_police', 'commune_police'],
      note: 'Which police unit escorts after district police were abolished is UNCONFIRMED.',
    },
    determinationRequesterAfterDistrictPolice: {
      value: 'commune_police', domainRef: '§2.2', note: 'Inference: commune police or provincial-police units.',
    },
  },
};
