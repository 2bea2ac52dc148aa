import { BROADCAST_SIGNAL_JOB, PUBLISH_MESSAGE_JOB, TIMER_JOB } from '../behaviors/behavior.helpers';
import { broadcastSignal, correlateMessage, fireStartTimer, fireTimer } from '../commands/event.commands';
import {
  completeJob, continueAsync, failJob, fetchAndLock, finishJobRow, throwJobError, type LockedJob,
} from '../commands/job.commands';
import { ASYNC_CONTINUATION_JOB } from '../runtime/runner-async';
import type { EngineContext } from '../engine-context';
import { isEngineError } from '../errors';

/** What an in-process worker returns: variables for the element (service jobs). */
export type JobHandler = (job: LockedJob) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void;

/** Thrown by a handler to raise a BPMN error (caught by an error boundary / event subprocess). */
export class BpmnError extends Error {
  constructor(readonly code: string, message = code, readonly variables: Record<string, unknown> = {}) {
    super(message);
    this.name = 'BpmnError';
  }
}

export interface JobExecutorOptions {
  workerId?: string;
  pollIntervalMs?: number;
  lockMs?: number;
  batchSize?: number;
}

const INTERNAL = [TIMER_JOB, ASYNC_CONTINUATION_JOB, PUBLISH_MESSAGE_JOB, BROADCAST_SIGNAL_JOB];

/** Polls due jobs (timers, internal outbox, registered worker types); safe with many executors. */
export class JobExecutor {
  readonly workerId: string;
  private readonly pollIntervalMs: number;
  private readonly lockMs: number;
  private readonly batchSize: number;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly ctx: EngineContext,
    private readonly handlers: Map<string, JobHandler>,
    options: JobExecutorOptions = {},
  ) {
    this.workerId = options.workerId ?? `executor-${ctx.newId()}`;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.lockMs = options.lockMs ?? 60_000;
    this.batchSize = options.batchSize ?? 10;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        let count = 0;
        try {
          count = await this.runOnce();
        } catch {
          count = 0; // a database hiccup: try again on the next poll
        }
        if (count === 0 && this.running) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, this.pollIntervalMs);
            this.wake = () => { clearTimeout(timer); resolve(); };
          });
        }
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  /** Acquires and executes one batch; returns how many jobs were acquired. */
  async runOnce(): Promise<number> {
    const types = [...INTERNAL, ...this.handlers.keys()];
    const jobs = await fetchAndLock(this.ctx, this.workerId, types, this.lockMs, this.batchSize);
    for (const job of jobs) await this.execute(job);
    return jobs.length;
  }

  /** Runs batches until no due job is left (tests with a FakeClock). */
  async drain(maxRounds = 100): Promise<number> {
    let total = 0;
    for (let round = 0; round < maxRounds; round += 1) {
      const count = await this.runOnce();
      total += count;
      if (count === 0) break;
    }
    return total;
  }

  private async execute(job: LockedJob): Promise<void> {
    const ctx = this.ctx;
    try {
      if (job.type === TIMER_JOB) {
        if (job.instanceId) await fireTimer(ctx, job.id, this.workerId);
        else await fireStartTimer(ctx, job.id, this.workerId);
        return;
      }
      if (job.type === ASYNC_CONTINUATION_JOB) {
        await continueAsync(ctx, job.id, this.workerId);
        return;
      }
      if (job.type === PUBLISH_MESSAGE_JOB) {
        const payload = job.payload as { name: string; correlationKey: string | null; variables?: Record<string, unknown>; ttlMs?: number };
        await correlateMessage(ctx, payload).catch((error: unknown) => {
          if (!isEngineError(error, 'MESSAGE_NOT_CORRELATED')) throw error;
        });
        await finishJobRow(ctx, job.id, this.workerId);
        return;
      }
      if (job.type === BROADCAST_SIGNAL_JOB) {
        const payload = job.payload as { name: string; variables?: Record<string, unknown> };
        await broadcastSignal(ctx, payload.name, payload.variables ?? {});
        await finishJobRow(ctx, job.id, this.workerId);
        return;
      }
      const handler = this.handlers.get(job.type);
      if (!handler) return;
      const variables = (await handler(job)) ?? {};
      if (job.kind === 'service') await completeJob(ctx, job.id, variables, { workerId: this.workerId });
      else await finishJobRow(ctx, job.id, this.workerId);
    } catch (error) {
      if (error instanceof BpmnError && job.kind === 'service') {
        await throwJobError(ctx, job.id, error.code, error.variables, { workerId: this.workerId }).catch(() => undefined);
        return;
      }
      if (isEngineError(error, 'JOB_NOT_FOUND') || isEngineError(error, 'JOB_NOT_LOCKED')) return;
      await failJob(ctx, job.id, { errorMessage: (error as Error).message ?? String(error) }, { workerId: this.workerId })
        .catch(() => undefined);
    }
  }
}
