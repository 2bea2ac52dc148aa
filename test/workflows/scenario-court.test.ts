import { afterEach, describe, expect, it } from 'vitest';
import { scenario, type Scenario } from './scenario-support';

const person = { personId: '00000000-0000-4000-8000-000000000014', caseId: '10000000-0000-4000-8000-000000000014', provinceCode: '99' };
const DAY = 86_400_000;

describe('workflows scenarios: court, escort and interim management', () => {
  let s: Scenario | undefined;
  afterEach(async () => { await s?.t.destroy(); s = undefined; });

  async function decided(overrides: Record<string, unknown> = {}): Promise<Scenario> {
    const sc = await scenario();
    await sc.engine.correlateMessage({
      name: 'DossierFiledWithCourt', correlationKey: person.personId,
      variables: { ...person, communeCode: '99160', courtRegionCode: '99-KV1', ruleset: '2025', isMinor: false },
    });
    await sc.complete('Task_ReceiveDossier', { dossierComplete: false, missingDocuments: 'Thiếu bản tường trình' });
    await sc.complete('Task_CompleteDossier');
    await sc.complete('Task_ReceiveDossier');
    await sc.complete('Task_AcceptAssignJudge', { acceptedAt: sc.clock.now().toISOString() });
    await sc.complete('Task_StudyFile', { needsClarification: true, clarificationQuestions: 'Xác nhận nơi cư trú' });
    await sc.complete('Task_AnswerClarification');
    await sc.complete('Task_StudyFile');
    await sc.complete('Task_Session', overrides);
    await sc.complete('Task_IssueDecision');
    return sc;
  }

  it('should let the higher court cancel the decision after a complaint', async () => {
    // given
    s = await decided();
    // when
    await s.engine.correlateMessage({ name: 'ComplaintFiled', correlationKey: person.personId });
    const higher = (await s.openTasks('court-decision')).find((t) => t.element_id === 'Task_ResolveComplaint');
    await s.complete('Task_ResolveComplaint', { outcome: 'cancelled', finalDecision: 'not_apply' });
    s.clock.advance(3 * DAY);
    await s.run();
    // then
    expect(higher?.candidate_groups).toEqual(['court:99']);
    expect(s.published.map((m) => m.name)).not.toContain('CompulsoryDecisionEffective');
    expect(await s.openTasks()).toEqual([]);
  });

  it('should postpone, track the end of the ground, then enforce', async () => {
    // given
    s = await decided();
    // when
    await s.engine.correlateMessage({ name: 'PostponementRequested', correlationKey: person.personId });
    await s.complete('Task_DecidePostponement', { postponementOutcome: 'postponement_granted', postponedUntil: '2027-03-01' });
    s.clock.advance(4 * DAY);
    await s.run();
    const tracking = (await s.openTasks('court-decision')).map((t) => [t.element_id, t.candidate_groups]);
    await s.complete('Task_PostponementEnded');
    // then
    expect(tracking).toEqual([['Task_PostponementEnded', ['police:99160']]]);
    expect(s.published.map((m) => m.name)).toContain('CompulsoryDecisionEffective');
  });

  it('should wait for space when the centre is full and search an absconding person before admission', async () => {
    // given
    s = await scenario();
    await s.engine.correlateMessage({ name: 'CompulsoryDecisionEffective', correlationKey: person.personId, variables: { ...person, communeCode: '99160', districtCode: '991', ruleset: '2022', isMinor: false } });
    const escort = (await s.openTasks('escort-admission'))[0];
    // when
    await s.complete('Task_PlanEscort', { escortOutcome: 'centre_full', expectedAdmissionDate: '2027-01-10' });
    await s.complete('Task_NotifyCourtFull', { expectedAdmissionDate: '2027-01-10' });
    s.clock.set('2027-01-10T09:00:00+07:00');
    await s.run();
    await s.complete('Task_PlanEscort', { escortOutcome: 'absconded' });
    await s.complete('Task_SearchDecision');
    await s.engine.correlateMessage({ name: 'PersonFound', correlationKey: person.personId });
    await s.complete('Task_PlanEscort');
    // then
    expect(escort.candidate_groups).toEqual(['police:991']);
    expect((await s.openTasks('escort-admission')).map((t) => t.element_id)).toEqual(['Task_Handover']);
  });

  it('should switch interim management to a facility when a family-managed person absconds', async () => {
    // given
    s = await scenario();
    await s.engine.startInstance({ definitionKey: 'compulsory-dossier', variables: { ...person, communeCode: '99160', ruleset: '2025', triggerType: 'NOT_REGISTERED', isMinor: true } });
    await s.complete('Task_OpenDossier', { isMinor: true });
    for (const id of ['Task_VerifyResidence', 'Task_FamilyConsent', 'Task_InterimDecision']) await s.complete(id);
    // when
    await s.engine.correlateMessage({ name: 'InterimAbsconded', correlationKey: person.personId });
    await s.run();
    const open = (await s.openTasks('compulsory-dossier')).map((t) => t.element_id).sort();
    // then: the minor's parents' opinion is collected too, and documents continue
    expect(open).toEqual(['Task_CaseSummaryCv', 'Task_ParentsOpinion', 'Task_Statement', 'Task_SwitchToFacility']);
  });
});
