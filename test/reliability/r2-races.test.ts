import { describe, expect, it } from 'vitest';
import { RACERS, deploy, startWithTask, twoStepXml } from './support/fixture';
import { useReliabilityApp } from './support/reliability-harness';
import { runRaces } from './r2-races';

describe('R2 races (reduced: 24 races; full: npm run reliability:r2)', () => {
  const { r } = useReliabilityApp({ max: 12 });

  it('should give every race of 2–10 clients exactly one winner and every loser a 409 with a code', async () => {
    // when
    const figure = await runRaces(r, { races: 24, seed: 7 });
    // then
    expect(figure.violations).toEqual([]);
    expect(figure.counters.races).toBe(24);
    expect(figure.counters.winners).toBe(24);
  }, 180_000);

  it('should answer 409 TASK_ALREADY_CLAIMED (not 403) to a candidate completing a task another candidate claimed', async () => {
    // given: regression — the loser of a claim/complete race got 403 FORBIDDEN and an access.denied audit row
    const admin = await r.login('admin');
    await deploy(r.app, admin, twoStepXml('rel_claimed'));
    const [a, b] = [await r.login(RACERS[0]), await r.login(RACERS[1])];
    const { taskId } = await startWithTask(r.app, a, 'rel_claimed');
    expect((await r.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/claim`, headers: a.headers })).statusCode).toBe(200);
    // when
    const late = await r.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/complete`, headers: b.headers, payload: {} });
    // then
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'TASK_ALREADY_CLAIMED']);
  });
});
