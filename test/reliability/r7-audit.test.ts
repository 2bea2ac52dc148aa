import { describe, expect, it } from 'vitest';
import { useReliabilityApp } from './support/reliability-harness';
import { runAudit } from './r7-audit';

describe('R7 audit (reduced: 60 reads, 80-row chain; full: npm run reliability:r7)', () => {
  const { t, r } = useReliabilityApp({ max: 12 });

  it('should log every person read and detect every tampering (truncation and recomputation through the anchor file)', async () => {
    // when
    const figure = await runAudit(r, t.db, { rows: 80, positionsPerKind: 3, reads: 60 });
    // then
    expect(figure.violations).toEqual([]);
    expect(figure.counters.personReads200).toBeGreaterThan(0);
    expect(figure.counters.tamperUndetected).toBe(0);
    // a keyless chain alone cannot see tail truncation or a full recomputation; the anchor file does
    expect(figure.counters.tailTamperUndetectedWithoutAnchor).toBe(figure.counters.tailTamperTrials);
    expect(figure.counters.tailTamperTrials).toBeGreaterThan(0);
    expect(figure.counters.tailTamperUndetectedWithAnchor).toBe(0);
  }, 180_000);
});
