import { describe, expect, it } from 'vitest';
import { useReliabilityApp } from './support/reliability-harness';
import { runBadInput } from './r5-bad-input';

describe('R5 bad input, API part (reduced: 300 inputs; full: npm run reliability:r5)', () => {
  const { r } = useReliabilityApp({ max: 12 });

  it('should answer hostile inputs on every route without 5xx, crash or prototype pollution', async () => {
    // when
    const { figure } = await runBadInput(r, { inputs: 300, seed: 11 });
    // then
    expect(figure.violations).toEqual([]);
    expect(figure.counters.inputs).toBe(300);
  }, 300_000);
});
