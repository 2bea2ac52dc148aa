import { spawn, type ChildProcess } from 'node:child_process';
import { sql, type Kysely } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { createEngine } from '../../engine/index';
import { MAIL_JOB, messageIdFor, type MailJobPayload } from '../../server/mail/mailer';
import type { Figure } from './support/report';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface SmtpState { accepting: boolean; received: string[]; refusals: number }

/** A real SMTP peer (smtp-server) that refuses with 421 while `accepting` is false and acks slowly. */
function startSmtp(state: SmtpState, ackDelayMs: number): Promise<{ server: SMTPServer; port: number }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(_session, callback) {
      if (!state.accepting) {
        state.refusals += 1;
        const error = new Error('service unavailable') as Error & { responseCode: number };
        error.responseCode = 421;
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        state.received.push(/^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? '');
        setTimeout(() => callback(), ackDelayMs);
      });
    },
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.server.address() as { port: number }).port })));
}

/**
 * R4: N mails queued; the SMTP peer refuses for `refuseMs`; the outbox worker (the real app, in its own
 * process) is killed with SIGKILL `kills` times while delivering and restarted. Promise: every queued
 * mail arrives; duplicates only from the kill-between-send-and-mark window (at most one batch per kill),
 * recognisable by the same Message-ID.
 */
export async function runSmtpOutage(db: Kysely<unknown>, url: string, options: { mails: number; refuseMs: number; kills: number }): Promise<Figure> {
  const state: SmtpState = { accepting: false, received: [], refusals: 0 };
  const { server, port } = await startSmtp(state, 30);
  const engine = createEngine({ db });
  const jobIds: string[] = [];
  for (let i = 0; i < options.mails; i += 1) {
    const payload: MailJobPayload = { template: 'task-assigned', to: `nguoi${i}@example.test`, locale: i % 2 ? 'en' : 'vi', params: { recipientName: `Người ${i}`, taskName: `Việc ${i}`, link: 'http://localhost/tasks/1' } };
    await db.transaction().execute(async (tx) => {
      jobIds.push(await engine.enqueueJob(tx, { type: MAIL_JOB, payload: payload as unknown as Record<string, unknown>, retries: 1_000_000 }));
    });
  }
  let child: ChildProcess | undefined;
  let generation = 0;
  const spawnWorker = async () => {
    generation += 1;
    child = spawn('npx', ['tsx', 'test/reliability/support/child-mailer.ts', url, String(port), `mailer-${generation}`], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    await new Promise<void>((resolve) => child!.stdout!.once('data', () => resolve()));
  };
  const kill = async () => {
    if (!child) return;
    process.kill(-(child.pid as number), 'SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
  };
  const pending = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM job WHERE type = ${MAIL_JOB}`.execute(db)).rows[0].n;
  let kills = 0;
  try {
    await spawnWorker();
    await sleep(options.refuseMs);
    state.accepting = true;
    for (let k = 0; k < options.kills; k += 1) {
      // kill while it is sending: wait for a few more receipts, then SIGKILL
      const seen = state.received.length;
      for (let waited = 0; waited < 30_000 && state.received.length < seen + 2 && (await pending()) > 0; waited += 20) await sleep(20);
      if ((await pending()) === 0) break;
      await kill();
      kills += 1;
      await spawnWorker();
    }
    // the dead workers' leases expire (5 s); then everything is delivered (retry backoff up to a minute here)
    for (let waited = 0; waited < 600_000 && (await pending()) > 0; waited += 500) await sleep(500);
  } finally {
    await kill();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  const expected = new Set(jobIds.map(messageIdFor));
  const counts = new Map<string, number>();
  for (const id of state.received) counts.set(id, (counts.get(id) ?? 0) + 1);
  const lost = [...expected].filter((id) => !counts.has(id)).length;
  const duplicates = [...counts.values()].reduce((sum, n) => sum + n - 1, 0);
  const strangers = [...counts.keys()].filter((id) => !expected.has(id)).length;
  const counters = { queued: options.mails, refusals: state.refusals, received: state.received.length, lost, duplicates, duplicateBound: kills * 4, kills, strangers, stillQueued: await pending() };
  const violations: string[] = [];
  if (lost) violations.push(`${lost} queued mails never arrived`);
  if (duplicates > counters.duplicateBound) violations.push(`${duplicates} duplicates, more than one batch (4) per kill (${kills} kills)`);
  if (strangers) violations.push(`${strangers} messages with unknown Message-ID`);
  if (!state.refusals) violations.push('the SMTP peer never refused (nothing was tested)');
  return {
    name: 'R4 SMTP outage',
    scale: `${options.mails} mails, peer refusing ${options.refuseMs} ms, outbox worker (real app in a child process) SIGKILLed ${kills}× while sending`,
    counters,
    violations,
  };
}
