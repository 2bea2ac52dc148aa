import { sql, type Kysely } from 'kysely';
import type { Engine } from '../../../engine/index';

export const EFFECT_JOB = 'rel.effect';

/** rel_effect: the effect (one row per job, keyed — applying it twice is a no-op); rel_run: every execution. */
export async function createEffectTables(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS rel_effect (job_id uuid PRIMARY KEY, worker text NOT NULL, applications int NOT NULL DEFAULT 1)`.execute(db);
  await sql`CREATE TABLE IF NOT EXISTS rel_run (job_id uuid NOT NULL, worker text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())`.execute(db);
}

export function registerEffectWorker(engine: Engine, db: Kysely<unknown>, workerId: string, pauseMs: number): void {
  engine.registerWorker(EFFECT_JOB, async (job) => {
    await sql`INSERT INTO rel_run (job_id, worker) VALUES (${job.id}::uuid, ${workerId})`.execute(db);
    // The effect: keyed by job id, so a re-run after a lost completion changes nothing.
    await sql`INSERT INTO rel_effect (job_id, worker) VALUES (${job.id}::uuid, ${workerId})
      ON CONFLICT (job_id) DO UPDATE SET applications = rel_effect.applications + 1`.execute(db);
    if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    return { appliedBy: workerId };
  });
}
