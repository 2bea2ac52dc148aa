import type { LoggedIn } from '../support/app';
import type { Figure } from './support/report';
import { RACERS, deploy, startWithTask, twoStepXml, type ReliabilityApp } from './support/fixture';

export type RaceKind = 'complete' | 'claim' | 'mixed';

export interface RaceOptions {
  races: number;
  /** deterministic choice of client count and kind per race */
  seed?: number;
}

/** A small deterministic PRNG so a failing race can be replayed by its number. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * R2: per race, 2–10 distinct candidates hit one open task at once (complete, claim, or half claim /
 * half complete). Exactly one request may win (2xx); every loser must get 409 with an error code;
 * the engine must record exactly one completion (or one claim) of the task.
 */
export async function runRaces(r: ReliabilityApp, options: RaceOptions): Promise<Figure> {
  const { app } = r;
  const admin = await r.login('admin');
  const key = 'rel_race';
  await deploy(app, admin, twoStepXml(key));
  const sessions: LoggedIn[] = [];
  for (const user of RACERS) sessions.push(await r.login(user));
  const random = prng(options.seed ?? 20260302);
  const counters = { races: 0, winners: 0, losers409: 0, racesWithoutExactlyOneWinner: 0, losersNot409: 0, losersWithoutCode: 0, doubleEffects: 0 };
  const codes: Record<string, number> = {};
  const violations: string[] = [];
  for (let race = 0; race < options.races; race += 1) {
    const clients = 2 + Math.floor(random() * 9);
    const kind: RaceKind = (['complete', 'claim', 'mixed'] as const)[Math.floor(random() * 3)];
    const { instanceId, taskId } = await startWithTask(app, sessions[0], key);
    const actions = Array.from({ length: clients }, (_, i) => (kind === 'mixed' ? (i % 2 === 0 ? 'claim' : 'complete') : kind));
    const requests = actions.map((action, i) => {
      return app.inject({
        method: 'POST',
        url: `/api/tasks/${taskId}/${action}`,
        headers: { ...sessions[i].headers, 'content-type': 'application/json' },
        payload: action === 'complete' ? JSON.stringify({ variables: { winner: RACERS[i] } }) : '{}',
      });
    });
    const responses = await Promise.all(requests);
    counters.races += 1;
    const winners = responses.filter((x) => x.statusCode < 300);
    const winnerAction = actions[responses.findIndex((x) => x.statusCode < 300)];
    counters.winners += winners.length;
    if (winners.length !== 1) {
      counters.racesWithoutExactlyOneWinner += 1;
      violations.push(`race ${race} (${kind}, ${clients} clients): ${winners.length} winners; statuses ${responses.map((x) => x.statusCode).join(',')}`);
    }
    for (const loser of responses.filter((x) => x.statusCode >= 300)) {
      const code = (loser.json() as { error?: { code?: string } }).error?.code;
      codes[`${loser.statusCode} ${code ?? '-'}`] = (codes[`${loser.statusCode} ${code ?? '-'}`] ?? 0) + 1;
      if (loser.statusCode === 409) counters.losers409 += 1;
      else {
        counters.losersNot409 += 1;
        violations.push(`race ${race} (${kind}, ${clients} clients): loser got ${loser.statusCode} ${code ?? ''}`);
      }
      if (!code) counters.losersWithoutCode += 1;
    }
    // the effect in the engine: one completion at most, and the task state agrees with the winner
    const history = await app.engine.listHistory({ instanceId, limit: 1_000 });
    const completions = history.items.filter((e) => e.type === 'task.completed' && e.element_id === 'verify').length;
    const expectCompleted = winners.length === 1 && winnerAction === 'complete';
    if (completions !== (expectCompleted ? 1 : 0)) {
      counters.doubleEffects += Math.max(0, completions - 1);
      violations.push(`race ${race}: ${completions} completions of the task recorded, winner ${expectCompleted ? 'completed' : 'claimed'}`);
    }
  }
  return {
    name: 'R2 races',
    scale: `${counters.races} races of 2–10 clients (complete / claim / mixed), in-process HTTP (app.inject) on real PostgreSQL`,
    counters: { ...counters, ...Object.fromEntries(Object.entries(codes).map(([k, v]) => [`loser ${k}`, v])) },
    violations,
  };
}
