import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { JobExecutor } from '../../engine/index';
import { runHandovers, type HandoverResult } from './handover.bridge';

/**
 * The job loop of the shipped procedures: first the handover bridge takes the engine's message
 * publish jobs (so handovers carry the person, case and scope), then the engine's executor runs
 * timers and the registered workers. Several server processes may each run one (SKIP LOCKED).
 */
export class WorkflowRuntime {
  readonly workerId = `runtime-${randomUUID()}`;
  readonly handovers: HandoverResult[] = [];
  private readonly executor: JobExecutor;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly app: FastifyInstance, private readonly pollIntervalMs = 1000) {
    this.executor = app.engine.createJobExecutor({ workerId: this.workerId });
  }

  /** One round: every pending handover, then one executor batch; returns the work done. */
  async tick(): Promise<number> {
    const { db, clock } = this.app.deps;
    let done = 0;
    for (;;) {
      const batch = await runHandovers({ db, engine: this.app.engine, clock, workerId: this.workerId });
      this.handovers.push(...batch);
      if (this.handovers.length > 500) this.handovers.splice(0, this.handovers.length - 500);
      done += batch.length;
      if (batch.length === 0) break;
    }
    return done + (await this.executor.runOnce());
  }

  /** Runs rounds until nothing due is left (tests with a FakeClock, the demo seed). */
  async drain(maxRounds = 500): Promise<number> {
    let total = 0;
    for (let round = 0; round < maxRounds; round += 1) {
      const n = await this.tick();
      total += n;
      if (n === 0) return total;
    }
    throw new Error(`workflow runtime: jobs still due after ${maxRounds} rounds (a timer loop?)`);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        let n = 0;
        try {
          n = await this.tick();
        } catch (error) {
          this.app.log.error({ err: error }, 'workflow runtime round failed');
        }
        if (n === 0 && this.running) {
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
}
