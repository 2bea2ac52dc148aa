import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import type { ServerDatabase } from '../../server/db/schema';
import { enqueueMail } from '../../server/mail/notifications';
import { messageIdFor } from '../../server/mail/mailer';
import { scanDeadlines } from '../../server/mail/mail-worker';
import { FakeClock } from '../support/clock';
import { buildTestApp, loginAs } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { seedTestIdentity } from './fixtures/identity.fixture';

interface Received {
  messageId: string;
  to: string[];
  raw: string;
}

/** A real SMTP server that refuses connections until `accepting` is set. */
function startSmtp(state: { accepting: boolean; received: Received[]; refusals: number }): Promise<{ server: SMTPServer; port: number }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(_session, callback) {
      if (!state.accepting) {
        state.refusals++;
        const error = new Error('Dịch vụ tạm ngừng / service unavailable') as Error & { responseCode: number };
        error.responseCode = 421;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? '';
        state.received.push({ messageId, to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.server.address() as { port: number }).port })));
}

describe('email outbox', () => {
  let t: TestDatabase<ServerDatabase>;
  const clock = new FakeClock('2026-03-02T08:00:00+07:00');
  const smtp = { accepting: false, received: [] as Received[], refusals: 0 };
  let server: SMTPServer;
  let app: FastifyInstance;
  let fileApp: FastifyInstance;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'qt-mail-'));

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>();
    await seedTestIdentity(t.db);
    const started = await startSmtp(smtp);
    server = started.server;
    app = await buildTestApp(t.db, { clock, env: { SMTP_URL: `smtp://127.0.0.1:${started.port}?ignoreTLS=true&connectionTimeout=3000`, DATA_DIR: dataDir } });
    fileApp = await buildTestApp(t.db, { clock, env: { DATA_DIR: dataDir } });
    await app.ready();
    await fileApp.ready();
  });
  afterAll(async () => {
    await app.close();
    await fileApp.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await t.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const countJobs = async () => (await t.db.selectFrom('job' as never).select((eb) => eb.fn.countAll<number>().as('n')).where('type' as never, '=', 'mail.send' as never).executeTakeFirstOrThrow()).n;

  it('should keep every queued message while the server refuses, then deliver each exactly once', async () => {
    // given: 6 mails queued in committed transactions, one in a rolled-back one
    const jobIds: string[] = [];
    for (let i = 0; i < 6; i++) {
      await t.db.transaction().execute(async (tx) => {
        jobIds.push((await enqueueMail(app, tx, { email: `user${i}@example.test`, displayName: `Người dùng ${i}`, locale: i % 2 ? 'en' : 'vi' }, 'task-assigned', { taskName: `Việc ${i}`, link: 'http://x/tasks/1' }))!);
      });
    }
    await t.db.transaction().execute(async (tx) => {
      await enqueueMail(app, tx, { email: 'rollback@example.test', displayName: 'x', locale: 'vi' }, 'task-assigned', { taskName: 'never', link: 'x' });
      throw new Error('rollback');
    }).catch(() => undefined);
    const executor = app.engine.createJobExecutor({ workerId: 'test-executor', lockMs: 30_000 });

    // when: several rounds against the refusing server (backoff moves the jobs into the future)
    for (let round = 0; round < 4; round++) {
      await executor.drain();
      clock.advance(20_000);
    }
    const queuedDuringOutage = await countJobs();
    const refusals = smtp.refusals;
    smtp.accepting = true;
    clock.advance(2 * 3_600_000);
    await executor.drain();
    await executor.drain();

    // then
    expect(refusals).toBeGreaterThanOrEqual(6);
    expect(queuedDuringOutage).toBe(6);
    expect(smtp.received).toHaveLength(6);
    expect(smtp.received.map((m) => m.messageId).sort()).toEqual(jobIds.map(messageIdFor).sort());
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `user${i}@example.test`));
    expect(await countJobs()).toBe(0);
    const log = await t.db.selectFrom('mail_log').selectAll().execute();
    expect(log).toHaveLength(6);
    expect(Math.max(...log.map((l) => l.attempts))).toBeGreaterThan(1);
    const vi = smtp.received.find((m) => m.to[0] === 'user0@example.test')!;
    const en = smtp.received.find((m) => m.to[0] === 'user1@example.test')!;
    expect(vi.raw).toMatch(/Subject: =\?UTF-8\?/);
    expect(en.raw).toContain('New_task');
    expect(vi.raw).toContain('K=C3=ADnh g=E1=BB=ADi');
  });

  it('should not send anything twice when the executor runs again', async () => {
    const before = smtp.received.length;
    clock.advance(24 * 3_600_000);
    await app.engine.createJobExecutor({ workerId: 'second' }).drain();

    expect(smtp.received.length).toBe(before);
  });

  it('should write .eml files without SMTP_URL and list them in the admin API', async () => {
    // given
    await t.db.transaction().execute(async (tx) => {
      await enqueueMail(fileApp, tx, { email: 'file@example.test', displayName: 'Tệp', locale: 'vi' }, 'decision-issued', { decisionTitle: 'Quyết định đưa vào cơ sở cai nghiện', link: 'http://x' });
    });

    // when
    await fileApp.engine.createJobExecutor({ workerId: 'files' }).drain();
    const admin = await loginAs(fileApp, 'admin');
    const list = await fileApp.inject({ method: 'GET', url: '/api/admin/mail', headers: admin.headers });
    const staff = await loginAs(fileApp, 'ca.xa1');
    const refused = await fileApp.inject({ method: 'GET', url: '/api/admin/mail', headers: staff.headers });

    // then
    const files = list.json().files as string[];
    expect(files).toHaveLength(1);
    expect(readFileSync(path.join(dataDir, 'mail', files[0]), 'utf8')).toContain('file@example.test');
    const one = await fileApp.inject({ method: 'GET', url: `/api/admin/mail/files/${files[0]}`, headers: admin.headers });
    expect(one.headers['content-type']).toContain('message/rfc822');
    expect(refused.statusCode).toBe(403);
  });

  it('should mail the candidates when a deadline is near and the supervisors when a task is overdue, once', async () => {
    // given: a task due in 5 hours for police of commune 99130
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://t">
  <bpmn:process id="due_proc" isExecutable="true">
    <bpmn:startEvent id="s"/>
    <bpmn:userTask id="u" name="Lập biên bản"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="police:99130"/><zeebe:taskSchedule dueDate="=now() + duration(&quot;PT5H&quot;)"/></bpmn:extensionElements></bpmn:userTask>
    <bpmn:endEvent id="e"/>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="u"/>
    <bpmn:sequenceFlow id="f2" sourceRef="u" targetRef="e"/>
  </bpmn:process>
</bpmn:definitions>`;
    await app.engine.deploy({ xml });
    await app.engine.startInstance({ definitionKey: 'due_proc', scope: '/99/99130/' });
    await t.db.updateTable('app_user').set({ email: 'truong@example.test' }).where('username', '=', 'ca.xa1.truong').execute();

    // when
    const near = await scanDeadlines(app);
    const nearAgain = await scanDeadlines(app);
    clock.advance(6 * 3_600_000);
    const overdue = await scanDeadlines(app);

    // then: near → ca.xa1 and ca.xa1.truong (both police 99130 with email); overdue → the supervisor only
    expect(near).toBe(2);
    expect(nearAgain).toBe(0);
    expect(overdue).toBe(1);
  });
});
