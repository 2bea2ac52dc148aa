import { describe, expect, it } from 'vitest';
import { useReliabilityApp } from './support/reliability-harness';
import { runAuthorization } from './r6-authorization';

describe('R6 authorization (reduced: 2 persons per commune; full: npm run reliability:r6)', () => {
  const { t, r } = useReliabilityApp({ max: 12 });

  it('should leak no row or medical field, log each denial, refuse fixation, CSRF and expired sessions', async () => {
    // when
    const figure = await runAuthorization(r, t.db, { personsPerCommune: 2 });
    // then
    expect(figure.violations).toEqual([]);
    expect(figure.counters.forbiddenResponses).toBeGreaterThan(0);
    expect(figure.counters.medicalSeenByReaders).toBeGreaterThan(0);
  }, 300_000);
});
