import { evaluate } from 'feelin';
import { ComputedFieldError } from '../form.errors';
import type { JsonValue } from '../form.types';

/**
 * FEEL evaluation for x-computed fields. feelin parses the expression on every call (≈ 1 ms for the
 * TT18 conclusion), so results are memoised — safely:
 * - the context is reduced to the variables whose name occurs in the expression text (any variable
 *   the expression reads must appear in it literally), so unrelated fields do not defeat the cache;
 * - expressions that read the clock (`now()`, `today()`) are never memoised;
 * - the memo is a bounded LRU keyed by expression + JSON of the reduced context.
 */
const DEFAULT_CACHE_SIZE = 2_000;
let cacheSize = DEFAULT_CACHE_SIZE;
const cache = new Map<string, JsonValue | null>();

/** Sets the memo size (0 disables it); clears it. For benchmarks and tests. */
export function setComputedCacheSize(size: number): void {
  cacheSize = Math.max(0, Math.floor(size));
  cache.clear();
}

export function evaluateFeel(expression: string, context: Record<string, unknown>, path: string): JsonValue | null {
  const source = expression.trim().replace(/^=/, '');
  const reduced: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(context)) if (source.includes(key)) reduced[key] = value;
  const cacheable = cacheSize > 0 && !/\b(now|today)\s*\(/.test(source);
  const key = cacheable ? `${source}\u0000${JSON.stringify(reduced)}` : '';
  if (cacheable && cache.has(key)) {
    const hit = cache.get(key) ?? null;
    cache.delete(key);
    cache.set(key, hit);
    return structuredClone(hit);
  }
  let value: unknown;
  try {
    value = evaluate(source, reduced).value;
  } catch (error) {
    throw new ComputedFieldError(path, error instanceof Error ? error.message : String(error));
  }
  const result = toJson(value);
  if (cacheable) {
    cache.set(key, result);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
  }
  return structuredClone(result);
}

function toJson(value: unknown): JsonValue | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value.normalize('NFC');
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v) => toJson(v));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value)) {
      const j = toJson(v);
      if (j !== null) out[k] = j;
    }
    return out;
  }
  // FEEL dates, times, durations: their ISO text.
  return String(value);
}
