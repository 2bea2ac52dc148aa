import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentDeployError, deployProcedure } from '../../server/workflow-runtime/content.deployer';
import { workflowWorkers } from '../../server/workflow-runtime/workers/index';
import { jobTypes, loadProcedureXml } from '../../workflows/index';
import { HttpDriver } from './support/http-driver';
import { demoPerson, vn } from './support/paths';
import { createScenarioPlatform, elementPath, type ScenarioPlatform } from './support/scenario-platform';

const path = (instanceId: string) => elementPath(p.app, instanceId);

let p: ScenarioPlatform;
let http: HttpDriver;
beforeAll(async () => {
  p = await createScenarioPlatform(vn('2026-03-02T08:00:00'));
  http = new HttpDriver(p);
}, 60_000);
afterAll(async () => p?.destroy());

describe('workflow runtime', () => {
  it('should register a worker for every job type the procedures use', () => {
    expect(workflowWorkers.map((w) => w.type).sort()).toEqual(Object.keys(jobTypes).sort());
  });

  it('should fail loudly with the element ids when a procedure is rejected', async () => {
    const xml = loadProcedureXml('compulsory-dossier').replace('formId="dossier.notice"', 'formId="dossier.no-such-form"');
    const error = await deployProcedure(p.app.engine, 'compulsory-dossier', xml, async (id) => id !== 'dossier.no-such-form').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentDeployError);
    expect((error as ContentDeployError).problems.map((x) => x.elementId)).toContain('Task_Notice');
    expect((error as Error).message).toMatch(/compulsory-dossier rejected:\n {2}- Task_Notice: /);
  });

  it('should pick the ruleset and the person\'s context when a shipped procedure is started over the API', async () => {
    // the client sends only the person and the trigger; a forged ruleset/commune is overridden
    const response = await http.post('ca.xa1', '/api/instances', {
      definitionKey: 'compulsory-dossier', variables: { personId: demoPerson(1), triggerType: 'NOT_REGISTERED', isMinor: false, ruleset: '2022', communeCode: '99160' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const { instanceId } = response.json() as { instanceId: string };
    await p.app.workflowRuntime.drain();
    expect((await p.app.engine.getVariables(instanceId)) as Record<string, unknown>)
      .toMatchObject({ ruleset: '2025', communeCode: '99130', provinceCode: '99', courtRegionCode: '99-KV1', districtCode: null });
    expect((await p.driver.openTask(instanceId, 'Task_OpenDossier')).candidate_groups).toEqual(['police:99130']);
  });

  it('should warn the candidates before D11 and escalate to the supervisors after it (SLA timers)', async () => {
    p.clock.set(vn('2026-03-02T08:00:00'));
    const started = await p.start({ procedureKey: 'compulsory-dossier', personId: demoPerson(9), variables: { triggerType: 'NOT_REGISTERED', isMinor: false } });
    const task = await p.driver.openTask(started.instanceId, 'Task_OpenDossier');
    expect(task.due_at).toEqual(new Date(vn('2026-03-09T08:00:00'))); // D11: 5 wd (Mon → next Mon)
    // mails go through the server's outbox (delivered by its mail worker into mail_log)
    const mailsTo = async () => (await sql<{ to: string; template: string }>`SELECT recipient AS to, template FROM mail_log
      WHERE subject LIKE ${'%Mở hồ sơ đề nghị (D11)%'} ORDER BY sent_at, recipient`.execute(p.db)).rows;
    // when 4 working days have passed: a warning to the commune police of 99160 (staff and chief)
    p.clock.set(vn('2026-03-06T08:00:01'));
    await p.app.workflowRuntime.drain();
    const marks = async () => (await p.db.selectFrom('task_notification').select('kind').where('task_id', '=', task.id).orderBy('kind').execute()).map((m) => m.kind);
    expect(await marks()).toEqual(['deadline_near']);
    // when the deadline has passed: an escalation to the supervisors only
    p.clock.set(vn('2026-03-09T08:00:01'));
    await p.app.workflowRuntime.drain();
    expect(await marks()).toEqual(['deadline_near', 'overdue']);
    const mails = await mailsTo();
    // (the API-started case of 99130 above is overdue by now too: its chief is escalated to as well)
    const escalated = mails.filter((m) => m.template === 'overdue-escalation').map((m) => m.to);
    expect(escalated).toContain('ca.xa2.truong@demo.quytrinh.example.vn');
    expect(escalated.every((to) => to.includes('.truong@'))).toBe(true);
    expect(mails.filter((m) => m.template === 'deadline-near').map((m) => m.to)).toEqual(expect.arrayContaining(['ca.xa2.truong@demo.quytrinh.example.vn', 'ca.xa2@demo.quytrinh.example.vn']));
    expect((await p.app.engine.listHistory({ rootInstanceId: started.instanceId, types: ['element.completed'], limit: 500 })).items
      .map((e) => e.element_id).filter((id) => id?.startsWith('Service_'))).toEqual(['Service_OpenDossierWarn', 'Service_OpenDossierEscalate']);
  });

  it('message.publish correlates to the person\'s waiting instance and marks the sender\'s case', async () => {
    // given a voluntary-rehab case waiting for the provider's start notice (TreatmentStarted, D10)
    p.clock.set(vn('2026-03-02T08:00:00'));
    const waiting = await p.start({ procedureKey: 'voluntary-registration', personId: demoPerson(7), startEventId: 'Start_Direct', variables: { treatmentType: 'voluntary_community' } });
    await http.complete('ubnd.xa1', waiting.instanceId, 'Task_ReceiveRegistration', { treatmentType: 'voluntary_community' });
    await http.complete('ca.xa1', waiting.instanceId, 'Task_Appraise');
    await http.complete('ubnd.xa1', waiting.instanceId, 'Task_TreatmentDecision', { treatmentType: 'voluntary_community' });
    // when another process of the same person publishes it through a message.publish job
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
  <bpmn:process id="test-provider" isExecutable="true">
    <bpmn:startEvent id="S"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="Publish"><bpmn:extensionElements><zeebe:taskDefinition type="message.publish" />
      <zeebe:ioMapping><zeebe:input source="=&quot;TreatmentStarted&quot;" target="messageName" /><zeebe:input source="=personId" target="correlationKey" /></zeebe:ioMapping>
      </bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:endEvent id="E"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Publish" /><bpmn:sequenceFlow id="f2" sourceRef="Publish" targetRef="E" />
  </bpmn:process>
</bpmn:definitions>`;
    await p.app.engine.deploy({ xml });
    const sender = await p.app.engine.startInstance({ definitionKey: 'test-provider', variables: { personId: demoPerson(7), caseId: waiting.caseId }, scope: '/99/99130/' });
    await p.app.workflowRuntime.drain();
    // then the waiting case moved on (treatment started) and no new case was opened
    expect((await path(waiting.instanceId)).filter((x) => x.startsWith('Catch_'))).toEqual(['Catch_TreatmentStarted']);
    expect((await p.app.engine.getVariables(sender.instanceId)) as Record<string, unknown>).toMatchObject({ published: true });
    const cases = await p.db.selectFrom('rehab_case').select(['procedure_key', 'data']).where('person_id', '=', demoPerson(7)).execute();
    expect(cases.map((c) => c.procedure_key)).toEqual(['voluntary-registration']);
    expect((cases[0].data as { publishedJobs?: string[] }).publishedJobs).toHaveLength(1);
  });
});
