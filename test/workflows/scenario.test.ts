import { afterEach, describe, expect, it } from 'vitest';
import { scenario, type Scenario } from './scenario-support';

const person = { personId: '00000000-0000-4000-8000-000000000003', caseId: '10000000-0000-4000-8000-000000000003', provinceCode: '99' };
const DAY = 86_400_000;

describe('workflows scenarios (engine)', () => {
  let s: Scenario | undefined;
  afterEach(async () => { await s?.t.destroy(); s = undefined; });

  it('should determine addiction and hand the registration to voluntary-registration', async () => {
    // given
    s = await scenario();
    await s.engine.startInstance({ definitionKey: 'addiction-determination', variables: { ...person, communeCode: '99160', ruleset: '2025', route: 'police' } });
    // when
    for (const id of ['Task_PrepareRequest', 'Task_SummaryCv', 'Task_BringPerson', 'Task_ReceivePerson', 'Task_Examine', 'Task_ResultSheet']) await s.complete(id);
    const register = (await s.openTasks('addiction-determination')).find((x) => x.element_id === 'Task_RegisterTreatment');
    await s.complete('Task_RegisterTreatment');
    // then
    expect(register?.candidate_groups).toEqual(['people_committee:99160']);
    expect(s.statuses).toEqual(['addicted']);
    expect(s.published.map((m) => m.name)).toEqual(['DeterminationConcluded', 'VoluntaryRegistrationReceived']);
    const next = await s.openTasks('voluntary-registration');
    expect(next.map((x) => [x.element_id, x.candidate_groups])).toEqual([['Task_Appraise', ['police:99160']]]);
  });

  it('should record "not registered" after 5 working days and open the compulsory dossier', async () => {
    // given
    s = await scenario();
    await s.engine.startInstance({ definitionKey: 'addiction-determination', variables: { ...person, communeCode: '99160', ruleset: '2025', route: 'police' } });
    for (const id of ['Task_PrepareRequest', 'Task_SummaryCv', 'Task_BringPerson', 'Task_ReceivePerson', 'Task_Examine', 'Task_ResultSheet']) await s.complete(id);
    // when: 4 working days pass → only the warning
    s.clock.advance(4 * DAY + 3_600_000);
    await s.run();
    const stillOpen = (await s.openTasks()).map((x) => x.element_id);
    s.clock.advance(4 * DAY);
    await s.run();
    await s.complete('Task_RecordNotRegistered');
    // then
    expect(stillOpen).toContain('Task_RegisterTreatment');
    expect(s.published.map((m) => m.name)).toContain('CompulsoryDossierRequested');
    const dossier = await s.openTasks('compulsory-dossier');
    expect(dossier.map((x) => [x.element_id, x.candidate_groups])).toEqual([['Task_OpenDossier', ['police:99160']]]);
  });

  it('should run the 2022 dossier through the labour office, with a return, to the district court', async () => {
    // given
    s = await scenario('2024-06-03T08:00:00+07:00');
    await s.engine.startInstance({ definitionKey: 'compulsory-dossier', variables: { ...person, communeCode: '99107', districtCode: '991', ruleset: '2022', triggerType: 'SELF_TERMINATED', isMinor: false } });
    // when
    const open = (await s.openTasks('compulsory-dossier'))[0];
    for (const id of ['Task_OpenDossier', 'Task_VerifyResidence', 'Task_FamilyConsent']) await s.complete(id);
    await s.complete('Task_InterimDecision', { interimMode: 'family' });
    const documents = (await s.openTasks('compulsory-dossier')).map((x) => x.element_id).sort();
    for (const id of ['Task_CaseSummaryCv', 'Task_Statement', 'Task_Proposal', 'Task_Notice']) await s.complete(id);
    const reading = (await s.openTasks('compulsory-dossier')).map((x) => x.element_id);
    s.clock.advance(5 * DAY);
    await s.run();
    await s.complete('Task_SendDossier');
    const check = (await s.openTasks('compulsory-dossier')).find((x) => x.element_id === 'Task_LabourCheck');
    await s.complete('Task_LabourCheck', { checkResult: 'returned' });
    await s.complete('Task_Supplement');
    await s.complete('Task_LabourCheck', { checkResult: 'valid' });
    // then
    expect(open.candidate_groups).toEqual(['people_committee:99107']);
    expect(documents).toEqual(['Task_CaseSummaryCv', 'Task_Statement']);
    expect(reading).toEqual([]);
    expect(check?.candidate_groups).toEqual(['labour_office:991']);
    expect(s.statuses).toEqual(['interim_management']);
    const court = await s.openTasks('court-decision');
    expect(court.map((x) => [x.element_id, x.candidate_groups])).toEqual([['Task_ReceiveDossier', ['court:991']]]);
  });

  it('should send the 2025 dossier straight to the regional court and decide, then escort', async () => {
    // given
    s = await scenario();
    await s.engine.startInstance({ definitionKey: 'compulsory-dossier', variables: { ...person, communeCode: '99160', courtRegionCode: '99-KV1', ruleset: '2025', triggerType: 'NOT_REGISTERED', isMinor: false } });
    for (const id of ['Task_OpenDossier', 'Task_VerifyResidence', 'Task_FamilyConsent', 'Task_InterimDecision', 'Task_CaseSummaryCv', 'Task_Statement', 'Task_Proposal', 'Task_Notice']) await s.complete(id);
    s.clock.advance(5 * DAY);
    await s.run();
    await s.complete('Task_SendDossier');
    // when
    const court = (await s.openTasks('court-decision')).map((x) => [x.element_id, x.candidate_groups]);
    await s.complete('Task_ReceiveDossier');
    await s.complete('Task_AcceptAssignJudge', { acceptedAt: s.clock.now().toISOString() });
    await s.complete('Task_StudyFile');
    await s.complete('Task_Session');
    await s.complete('Task_IssueDecision');
    s.clock.advance(6 * DAY);
    await s.run();
    // then
    expect(court).toEqual([['Task_ReceiveDossier', ['court:99-KV1']]]);
    expect(s.published.map((m) => m.name)).toEqual(['DossierFiledWithCourt', 'CompulsoryDecisionEffective']);
    const escort = await s.openTasks('escort-admission');
    expect(escort.map((x) => [x.element_id, x.candidate_groups])).toEqual([['Task_PlanEscort', ['police:99']]]);
  });
});

describe('workflows scenarios: centre → post-rehab → relapse', () => {
  let s: Scenario | undefined;
  afterEach(async () => { await s?.t.destroy(); s = undefined; });

  async function completeAll(elementIds: string[], overrides: Record<string, Record<string, unknown>> = {}): Promise<string[]> {
    const done: string[] = [];
    for (const t of await s!.openTasks()) {
      if (!elementIds.includes(t.element_id)) continue;
      await s!.complete(t.element_id, overrides[t.element_id] ?? {});
      done.push(t.element_id);
    }
    return done;
  }

  it('should serve the term with health checks and a reduction, then supervise and send a relapse back to the dossier', async () => {
    // given
    s = await scenario();
    const vars = { ...person, communeCode: '99160', ruleset: '2025', isMinor: false, termMonths: 12 };
    await s.engine.correlateMessage({ name: 'CompulsoryDecisionEffective', correlationKey: person.personId, variables: vars });
    for (const id of ['Task_PlanEscort', 'Task_Handover', 'Task_Intake']) await s.complete(id);
    await s.complete('Task_Placement', { termStart: '2026-11-23', termMonths: 12, interimDays: 0, termEnd: '2027-11-23' });
    // when: month by month
    const seen: string[] = [];
    for (let month = 1; month <= 11; month++) {
      s.clock.advance(31 * DAY);
      await s.run();
      seen.push(...await completeAll(['Task_HealthCheck', 'Task_ReductionReview', 'Task_CourtReduction', 'Task_PreReleaseNotice'], {
        Task_ReductionReview: { reductionProposed: month >= 6 && !seen.includes('Task_CourtReduction') },
        Task_CourtReduction: { reductionGranted: true, termEnd: '2027-10-23' },
      }));
      if (seen.includes('Task_ReductionReview') && month >= 6) {
        s.clock.advance(8 * DAY);
        await s.run();
        seen.push(...await completeAll(['Task_CourtReduction'], { Task_CourtReduction: { reductionGranted: true, termEnd: '2027-10-23' } }));
      }
      if ((await s.openTasks()).some((t) => t.element_id === 'Task_Completion')) break;
    }
    await s.run();
    seen.push(...await completeAll(['Task_PreReleaseNotice']));
    s.clock.advance(DAY);
    await s.run();
    await s.complete('Task_Completion');
    // then (centre)
    expect(seen.filter((x) => x === 'Task_HealthCheck').length).toBeGreaterThanOrEqual(1);
    expect(seen).toContain('Task_CourtReduction');
    expect(seen).toContain('Task_PreReleaseNotice');
    expect(s.statuses).toEqual(['compulsory_rehab']);
    expect(s.published.map((m) => m.name)).toEqual(['RehabCompleted']);

    // when: post-rehab management, a positive periodic test, determination says addicted
    await s.complete('Task_ReceiveReport', { sourceType: 'COMPULSORY_ADULT' });
    await s.complete('Task_OpenFile');
    await s.complete('Task_PostRehabDecision', { termStart: '2027-10-25', termEnd: '2029-10-25' });
    s.clock.advance(92 * DAY);
    await s.run();
    await s.complete('Task_PeriodicTest', { testResult: 'positive', substances: ['stimulant'] });
    const determination = (await s.openTasks('addiction-determination')).map((x) => x.element_id);
    for (const id of ['Task_PrepareRequest', 'Task_SummaryCv', 'Task_BringPerson', 'Task_ReceivePerson', 'Task_Examine', 'Task_ResultSheet']) {
      await s.complete(id);
    }
    // then (post-rehab)
    expect(determination).toEqual(['Task_PrepareRequest']);
    expect(s.statuses).toEqual(['compulsory_rehab', 'post_rehab']);
    expect(s.published.map((m) => m.name)).toEqual(['RehabCompleted', 'DeterminationConcluded', 'CompulsoryDossierRequested']);
    const dossier = await s.openTasks('compulsory-dossier');
    expect(dossier.map((x) => x.element_id)).toEqual(['Task_OpenDossier']);
    expect(await s.openTasks('post-rehab-supervision')).toEqual([]);
  });
});
