/**
 * How far each demo person's case is driven (workflows' seed `stage: { procedure, step }`):
 * the procedure is started (at `startEventId` for procedures without a none start) and the listed
 * user tasks are completed with their forms' example data + overrides. Stages that wait on a timer
 * or a message stop there; the task lists of the demo users show what is open.
 */
export interface DemoStage {
  startEventId?: string;
  variables?: Record<string, unknown>;
  steps: [elementId: string, overrides?: Record<string, unknown>][];
}

type Step = DemoStage['steps'][number];

const toExamine = (now: string): Step[] => [
  ['Task_PrepareRequest', { custody: 'not_in_custody', meetingPlace: 'facility' }], ['Task_SummaryCv'], ['Task_BringPerson'],
  ['Task_ReceivePerson', { receivedAt: now }],
];
const toDocuments: Step[] = [['Task_OpenDossier'], ['Task_VerifyResidence', { stableResidence: true, familyAgrees: true }], ['Task_FamilyConsent'], ['Task_InterimDecision', { interimMode: 'family' }]];
const toSession = (now: string): Step[] => [['Task_ReceiveDossier', { dossierComplete: true }], ['Task_AcceptAssignJudge', { acceptedAt: now }], ['Task_StudyFile', { needsClarification: false, extended: false }]];
const toServing = (termStart: string): Step[] => [
  ['Task_PlanEscort', { escortOutcome: 'handed_over' }], ['Task_Handover'], ['Task_Intake'],
  ['Task_Placement', { termStart, termMonths: 12, interimDays: 0 }],
];
/** The date `days` from the seeding instant (YYYY-MM-DD). */
const dayFrom = (now: string, days: number): string => new Date(Date.parse(now) + days * 86_400_000).toISOString().slice(0, 10);
const toSupervision: Step[] = [['Task_ReceiveReport'], ['Task_OpenFile'], ['Task_PostRehabDecision']];
const court = (steps: Step[]): DemoStage => ({ startEventId: 'Start_Filed', variables: { isMinor: false }, steps });
const escort = (steps: Step[]): DemoStage => ({ startEventId: 'Start_Effective', variables: { isMinor: false, termMonths: 18, deductibleInterimDays: 20, centreName: 'Cơ sở cai nghiện ma túy Tỉnh Thử nghiệm' }, steps });
const postRehab = (steps: Step[], sourceType = 'COMPULSORY_ADULT'): DemoStage => ({ startEventId: 'Start_Completed', variables: { isMinor: false, sourceType, testCycle: 'R/P3M' }, steps });

/** `now` = the seeding instant as ISO date-time with offset (form date-time fields). */
export const demoStages: Record<string, Record<string, (now: string) => DemoStage>> = {
  'illegal-user-management': {
    'verify-residence': () => ({ steps: [] }),
    'monthly-check': () => ({ steps: [['Task_VerifyResidence', { stableResidence: true }], ['Task_UseNotice'], ['Task_ManagementDecision']] }),
    ended: () => ({ steps: [['Task_VerifyResidence', { stableResidence: true }], ['Task_UseNotice']] }),
  },
  'addiction-determination': {
    request: () => ({ steps: [] }),
    examine: (now) => ({ steps: toExamine(now) }),
    'extended-observation': (now) => ({ steps: [...toExamine(now), ['Task_Examine', { criterion1: true, criterion2: true, criterion3: false, criterion4: false, criterion5: false, criterion6: false }]] }),
    'register-treatment': (now) => ({ steps: [...toExamine(now), ['Task_Examine'], ['Task_ResultSheet', { conclusion: 'nghien' }]] }),
  },
  'voluntary-registration': {
    'commune-decision': () => ({ startEventId: 'Start_Direct', variables: { treatmentType: 'voluntary_community' }, steps: [['Task_ReceiveRegistration', { treatmentType: 'voluntary_community' }], ['Task_Appraise']] }),
    'in-rehab': () => ({ startEventId: 'Start_Direct', variables: { treatmentType: 'voluntary_community' }, steps: [['Task_ReceiveRegistration', { treatmentType: 'voluntary_community' }], ['Task_Appraise'], ['Task_TreatmentDecision', { treatmentType: 'voluntary_community' }]] }),
    'in-methadone': () => ({ startEventId: 'Start_Direct', variables: { treatmentType: 'methadone' }, steps: [['Task_ReceiveRegistration', { treatmentType: 'methadone' }], ['Task_Appraise'], ['Task_TreatmentDecision', { treatmentType: 'methadone' }]] }),
    violation: () => ({ startEventId: 'Start_Direct', variables: { treatmentType: 'voluntary_community' }, steps: [['Task_ReceiveRegistration', { treatmentType: 'voluntary_community' }]] }),
  },
  'compulsory-dossier': {
    open: () => ({ variables: { triggerType: 'NOT_REGISTERED', isMinor: false }, steps: [] }),
    'prepare-documents': () => ({ variables: { triggerType: 'RELAPSE_POST_REHAB', isMinor: false }, steps: toDocuments }),
    'reading-period': () => ({ variables: { triggerType: 'SELF_TERMINATED', isMinor: false }, steps: [...toDocuments, ['Task_CaseSummaryCv'], ['Task_Statement'], ['Task_Proposal'], ['Task_Notice']] }),
    'labour-office-check': () => ({ variables: { triggerType: 'NOT_PERFORMED', isMinor: false }, steps: [...toDocuments, ['Task_CaseSummaryCv'], ['Task_Statement'], ['Task_Proposal']] }),
  },
  'court-decision': {
    accept: () => court([['Task_ReceiveDossier', { dossierComplete: true }]]),
    session: (now) => court(toSession(now)),
    'complaint-window': (now) => court([...toSession(now), ['Task_Session', { decisionType: 'apply', termMonths: 18 }], ['Task_IssueDecision']]),
    'postponement-request': (now) => court([...toSession(now), ['Task_Session', { decisionType: 'apply', termMonths: 12 }]]),
  },
  'escort-admission': {
    escort: () => escort([]),
    'in-centre': (now) => escort(toServing(dayFrom(now, 0))),
    // term started ~1 year ago: the term ends in 10 days, so the pre-release notice (D29) is open
    'pre-release-notice': (now) => escort(toServing(dayFrom(now, -355))),
    absconded: () => escort([['Task_PlanEscort', { escortOutcome: 'absconded' }]]),
  },
  'post-rehab-supervision': {
    'open-file': () => postRehab([['Task_ReceiveReport']]),
    'periodic-test': () => postRehab(toSupervision, 'VOLUNTARY'),
    moved: () => postRehab(toSupervision),
    'relapse-determination': () => postRehab(toSupervision, 'METHADONE'),
    completed: () => postRehab(toSupervision, 'VOLUNTARY'),
  },
};
