import type { UnconfirmedSetting } from './ruleset.types';

/** Settings shared by both rulesets: every UNCONFIRMED legal point of DOMAIN.md, with its default. */
export const sharedSettings: Record<string, UnconfirmedSetting> = {
  compulsoryTermMonths: {
    value: { adultMin: 12, adultMax: 24, minorMin: 6, minorMax: 12 }, domainRef: '§10.4, §5 (XLVPHC Art 95 secondary)',
    note: 'Court states the term; the form limits it to this range. L120 reportedly 24 first time / 36 from the second time.',
  },
  l120Durations: {
    value: false, domainRef: '§10.3, §10.4', options: [false, true],
    note: 'Switch on when L120 implementing decrees confirm 24/36-month terms (in force 01/07/2026, decrees not found).',
  },
  postRehabTermMonths: {
    value: { compulsoryAdult: 24, other: 12 }, domainRef: '§7.1, §10.4',
    note: 'L73 Art 40; whether L120 changed it is UNCONFIRMED.',
  },
  electronicMonitoring: {
    value: false, domainRef: '§10.4', options: [false, true],
    note: 'L120 lets commune police chiefs order e-monitoring; procedure set by a decree not yet read.',
  },
  complaintWindowWorkingDays: {
    value: { adult: 3, minor: 5 }, domainRef: '§10.5 (D21/D22)',
    note: 'PL03 Art 31 partly confirmed; PL01 5 working days secondary.',
  },
  procuracyProtestWindowWorkingDays: {
    value: 3, domainRef: '§10.5', note: 'Not found; defaults to the complaint window.',
  },
  decisionTakesEffect: {
    value: 'after_complaint_window', domainRef: '§5.1 step 9, §10.5', options: ['after_complaint_window', 'on_announcement'],
    note: 'Most likely when the complaint/protest window ends unchallenged, or on the higher court ruling.',
  },
  suspensionGrounds: {
    value: [], domainRef: '§5.1 step 6, §10.5', note: 'Grounds for tạm đình chỉ not read; the court form takes free text.',
  },
  higherCourt: {
    value: 'provincial_court', domainRef: '§5.1 step 8, §10.5', options: ['provincial_court'],
    note: 'Court resolving complaints after PL08 (2025); presumably the provincial court.',
  },
  courtNotifiesProcuracyOnAcceptance: {
    value: true, domainRef: '§5.1 step 2', note: 'Notifying procuracy and parties on acceptance: detail UNCONFIRMED.',
  },
  decisionRecipients: {
    value: ['person', 'proposing_agency', 'procuracy', 'rehab_centre', 'commune_people_committee'], domainRef: '§5.1 step 7',
    note: 'Exact recipients of the court decision UNCONFIRMED.',
  },
  withdrawalObservationDays: {
    value: { opioid: null, stimulant: null, cannabis: null }, domainRef: '§2.5, §10.6',
    note: 'TT18 Appendices 01, 04–06 not read; only the 5-day return limit (D6) is enforced.',
  },
  separateSyntheticDrugUsers: {
    value: false, domainRef: '§6.3, §10.7', options: [false, true],
    note: 'No legal rule found; drug type is a classification attribute a centre MAY use for team assignment.',
  },
  severityAnnotation: {
    value: false, domainRef: '§2.5, §10.8', options: [false, true],
    note: 'DSM-5-style grading is not in TT18; if enabled it is an optional clinical note, never a legal field.',
  },
  postRehabTestCycle: {
    value: 'R/P3M', domainRef: '§7.2 step 5, §10.9',
    note: 'ND116 fixes no frequency: ISO-8601 cycle passed as process variable testCycle (demo: every 3 months).',
  },
  notAddictedDuringPostRehab: {
    value: 'continue_post_rehab', domainRef: '§7.2 step 6, §10.10', options: ['continue_post_rehab'],
    note: 'Whether a fine or ND105 management also applies is not stated; post-rehab management simply continues.',
  },
  methadoneProcedureDecree: {
    value: 'ND 90/2016/NĐ-CP', domainRef: '§3.2, §10.11', note: 'Whether ND90/2016 is still current is UNCONFIRMED.',
  },
  illegalUserMoveNoticeHours: {
    value: null, domainRef: '§0 item 3, D33', note: 'L120 reportedly 24 h for illegal users (secondary); null = use D33 (5 working days).',
  },
  mauFieldLayouts: {
    value: 'from_article_texts', domainRef: '§2.6, §4.4, §9',
    note: 'Paper form layouts were not read; form fields follow the article texts and are UNCONFIRMED.',
  },
};
