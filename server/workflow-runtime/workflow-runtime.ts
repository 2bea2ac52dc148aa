import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { JobExecutor } from '../../engine/index';

/**
 * The job loop of the shipped procedures: the engine's executor runs timers, message outbox jobs
 * and the registered workers (handovers are the `message.publish` worker). Several server
 * processes may each run one (FOR UPDATE SKIP LOCKED).
 */
export class WorkflowRuntime {
  readonly workerId = `runtime-${randomUUID()}`;
  private readonly executor: JobExecutor;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly app: FastifyInstance, private readonly pollIntervalMs = 1000) {
    this.executor = app.engine.createJobExecutor({ workerId: this.workerId });
  }

  /** One executor batch; returns how many jobs ran. */
  async tick(): Promise<number> {
    return this.executor.runOnce();
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
