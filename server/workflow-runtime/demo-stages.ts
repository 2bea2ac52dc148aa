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
  /** the stage is reached when one of these elements holds a token of the case (checked by the seeder) */
  waitsAt: string[];
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
const court = (steps: Step[], waitsAt: string[]): DemoStage => ({ startEventId: 'Start_Filed', variables: { isMinor: false }, steps, waitsAt });
const escort = (steps: Step[], waitsAt: string[]): DemoStage => ({ startEventId: 'Start_Effective', variables: { isMinor: false, termMonths: 18, deductibleInterimDays: 20, centreName: 'Cơ sở cai nghiện ma túy Tỉnh Thử nghiệm' }, steps, waitsAt });
const postRehab = (steps: Step[], waitsAt: string[], sourceType = 'COMPULSORY_ADULT'): DemoStage => ({ startEventId: 'Start_Completed', variables: { isMinor: false, sourceType, testCycle: 'R/P3M' }, steps, waitsAt });

/** `now` = the seeding instant as ISO date-time with offset (form date-time fields). */
export const demoStages: Record<string, Record<string, (now: string) => DemoStage>> = {
  'illegal-user-management': {
    'verify-residence': () => ({ steps: [], waitsAt: ['Task_VerifyResidence'] }),
    'monthly-check': () => ({ steps: [['Task_VerifyResidence', { stableResidence: true }], ['Task_UseNotice'], ['Task_ManagementDecision']], waitsAt: ['SubProcess_Management'] }),
    ended: () => ({ steps: [['Task_VerifyResidence', { stableResidence: true }], ['Task_UseNotice']], waitsAt: ['Task_ManagementDecision'] }),
  },
  'addiction-determination': {
    request: () => ({ steps: [], waitsAt: ['Task_PrepareRequest'] }),
    examine: (now) => ({ steps: toExamine(now), waitsAt: ['Task_Examine'] }),
    'extended-observation': (now) => ({ steps: [...toExamine(now), ['Task_Examine', { criterion1: true, criterion2: true, criterion3: false, criterion4: false, criterion5: false, criterion6: false }]], waitsAt: ['Task_ExtendedObservation'] }),
    'register-treatment': (now) => ({ steps: [...toExamine(now), ['Task_Examine'], ['Task_ResultSheet', { conclusion: 'nghien' }]], waitsAt: ['Task_RegisterTreatment'] }),
  },
  'voluntary-registration': {
    'commune-decision': () => ({ startEventId: 'Start_Direct', variables: { treatmentType: 'voluntary_community' }, steps: [['Task_ReceiveRegistration', { treatmentType: 'voluntary_community' }], ['Task_Appraise']], waitsAt: ['Task_TreatmentDecision'] }),
    'in-rehab': () => ({ startEventId: 'Start_Direct', variables: { treatmentType: 'voluntary_community' }, steps: [['Task_ReceiveRegistration', { treatmentType: 'voluntary_community' }], ['Task_Appraise'], ['Task_TreatmentDecision', { treatmentType: 'voluntary_community' }]], waitsAt: ['Gateway_StartEvents'] }),
    'in-methadone': () => ({ startEventId: 'Start_Direct', variables: { treatmentType: 'methadone' }, steps: [['Task_ReceiveRegistration', { treatmentType: 'methadone' }], ['Task_Appraise'], ['Task_TreatmentDecision', { treatmentType: 'methadone' }]], waitsAt: ['Gateway_StartEvents'] }),
    violation: () => ({ startEventId: 'Start_Direct', variables: { treatmentType: 'voluntary_community' }, steps: [['Task_ReceiveRegistration', { treatmentType: 'voluntary_community' }]], waitsAt: ['Task_Appraise'] }),
  },
  'compulsory-dossier': {
    open: () => ({ variables: { triggerType: 'NOT_REGISTERED', isMinor: false }, steps: [], waitsAt: ['Task_OpenDossier'] }),
    'prepare-documents': () => ({ variables: { triggerType: 'RELAPSE_POST_REHAB', isMinor: false }, steps: toDocuments, waitsAt: ['Task_CaseSummaryCv', 'Task_Statement'] }),
    'reading-period': () => ({ variables: { triggerType: 'SELF_TERMINATED', isMinor: false }, steps: [...toDocuments, ['Task_CaseSummaryCv'], ['Task_Statement'], ['Task_Proposal'], ['Task_Notice']], waitsAt: ['Timer_ReadingPeriod'] }),
    // facility management while the dossier is prepared: the centre's handover record (Mẫu 37) is open
    'interim-handover': () => ({
      variables: { triggerType: 'NOT_PERFORMED', isMinor: false },
      steps: [['Task_OpenDossier'], ['Task_VerifyResidence', { stableResidence: true, familyAgrees: false }], ['Task_InterimDecision', { interimMode: 'facility' }]],
      waitsAt: ['Task_InterimHandover'],
    }),
  },
  'court-decision': {
    accept: () => court([['Task_ReceiveDossier', { dossierComplete: true }]], ['Task_AcceptAssignJudge']),
    session: (now) => court(toSession(now), ['Task_Session']),
    'complaint-window': (now) => court([...toSession(now), ['Task_Session', { decisionType: 'apply', termMonths: 18 }], ['Task_IssueDecision']], ['Gateway_ComplaintEvents']),
    'postponement-request': (now) => court([...toSession(now), ['Task_Session', { decisionType: 'apply', termMonths: 12 }]], ['Task_IssueDecision']),
  },
  'escort-admission': {
    escort: () => escort([], ['Task_PlanEscort']),
    'in-centre': (now) => escort(toServing(dayFrom(now, 0)), ['SubProcess_Serving']),
    // term started ~1 year ago: the term ends in 10 days, so the pre-release notice (D29) is open
    'pre-release-notice': (now) => escort(toServing(dayFrom(now, -355)), ['Task_PreReleaseNotice']),
    absconded: () => escort([['Task_PlanEscort', { escortOutcome: 'absconded' }]], ['Task_SearchDecision']),
  },
  'post-rehab-supervision': {
    'open-file': () => postRehab([['Task_ReceiveReport']], ['Task_OpenFile']),
    'periodic-test': () => postRehab(toSupervision, ['SubProcess_Supervision'], 'VOLUNTARY'),
    moved: () => postRehab(toSupervision, ['SubProcess_Supervision']),
    'relapse-determination': () => postRehab(toSupervision, ['SubProcess_Supervision'], 'METHADONE'),
    completed: () => postRehab(toSupervision, ['SubProcess_Supervision'], 'VOLUNTARY'),
  },
};
