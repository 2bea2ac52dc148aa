import { afterEach, describe, expect, it } from 'vitest';
import { scenario, type Scenario } from './scenario-support';

const person = { personId: '00000000-0000-4000-8000-000000000001', caseId: '10000000-0000-4000-8000-000000000001', provinceCode: '99', ruleset: '2025' };
const DAY = 86_400_000;
const notAddicted = {
  criterion1: true, criterion2: false, criterion3: false, criterion4: false, criterion5: false, criterion6: false,
  unclearSigns: false, criteriaCount: 1, conclusion: 'khong_nghien',
};

describe('workflows scenarios: feeders', () => {
  let s: Scenario | undefined;
  afterEach(async () => { await s?.t.destroy(); s = undefined; });

  it('should manage an illegal user, renew the decision after a not-addicted reuse, and transfer the file on a move', async () => {
    // given
    s = await scenario();
    await s.engine.startInstance({ definitionKey: 'illegal-user-management', variables: { ...person, communeCode: '99130', remoteArea: false } });
    await s.complete('Task_VerifyResidence');
    await s.complete('Task_UseNotice');
    const decision = (await s.openTasks('illegal-user-management'))[0];
    await s.complete('Task_ManagementDecision', { managementStart: '2026-11-24', managementEnd: '2027-11-24' });
    // when: a monthly check finds reuse; determination says not addicted
    s.clock.advance(32 * DAY);
    await s.run();
    await s.complete('Task_MonthlyCheck', { reuseDetected: true });
    for (const id of ['Task_PrepareRequest', 'Task_SummaryCv', 'Task_BringPerson', 'Task_ReceivePerson']) await s.complete(id);
    await s.complete('Task_Examine', notAddicted);
    await s.complete('Task_ResultSheet', { conclusion: 'khong_nghien' });
    const renewed = (await s.openTasks('illegal-user-management')).map((t) => t.element_id);
    await s.complete('Task_ManagementDecision', { managementStart: '2026-12-28', managementEnd: '2027-12-28' });
    // and the person moves
    await s.engine.correlateMessage({ name: 'PersonMoved', correlationKey: person.personId });
    await s.complete('Task_TransferFile', { newCommuneCode: '99160' });
    // then
    expect(decision.candidate_groups).toEqual(['people_committee:99130']);
    expect(renewed).toEqual(['Task_ManagementDecision']);
    expect(s.published.map((m) => m.name)).toEqual(['DeterminationConcluded', 'IllegalUserFileTransferred']);
    const next = (await s.openTasks('illegal-user-management')).map((t) => [t.element_id, t.candidate_groups]);
    expect(next).toEqual([['Task_AcceptTransfer', ['people_committee:99160']]]);
  });

  it('should send a registered person who never starts treatment to the compulsory dossier', async () => {
    // given
    s = await scenario();
    await s.engine.startInstance({ definitionKey: 'voluntary-registration', variables: { ...person, communeCode: '99230' } });
    for (const id of ['Task_ReceiveRegistration', 'Task_Appraise', 'Task_TreatmentDecision']) await s.complete(id);
    // when
    s.clock.advance(8 * DAY);
    await s.run();
    await s.complete('Task_ViolationRecord');
    // then
    expect(s.statuses).toEqual(['methadone']);
    const dossier = (await s.openTasks('compulsory-dossier'))[0];
    expect(dossier.element_id).toBe('Task_OpenDossier');
    expect(await s.engine.getVariables(dossier.instance_id)).toMatchObject({ triggerType: 'NOT_PERFORMED', communeCode: '99230', personId: person.personId });
  });

  it('should hand a completed methadone treatment to post-rehab management', async () => {
    // given
    s = await scenario();
    await s.engine.correlateMessage({ name: 'VoluntaryRegistrationReceived', correlationKey: person.personId, variables: { ...person, communeCode: '99230', treatmentType: 'methadone' } });
    await s.complete('Task_Appraise');
    await s.complete('Task_TreatmentDecision');
    // when
    await s.engine.correlateMessage({ name: 'TreatmentStarted', correlationKey: person.personId });
    s.clock.advance(200 * DAY);
    await s.engine.correlateMessage({ name: 'TreatmentCompleted', correlationKey: person.personId });
    await s.complete('Task_CompletionCertificate', { certificateForm: 'methadone' });
    // then
    const post = (await s.openTasks('post-rehab-supervision'))[0];
    expect(post.element_id).toBe('Task_ReceiveReport');
    expect(await s.engine.getVariables(post.instance_id)).toMatchObject({ sourceType: 'METHADONE', communeCode: '99230' });
  });
});
