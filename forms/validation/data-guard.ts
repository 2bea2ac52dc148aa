import type { DataLimits, FormValidationIssue, JsonObject, JsonValue } from '../form.types';
import { messageFor } from './error-messages';
import { pointerSegment } from './schema-walk';

/** Keys that could reach Object.prototype through a naive merge: refused anywhere in submitted data. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface GuardResult {
  data: JsonObject;
  issues: FormValidationIssue[];
}

/**
 * First line of defence for data from outside: refuses prototype-pollution keys and excessive nesting,
 * drops `undefined`, and returns a copy with every string and key normalised to Unicode NFC (so an
 * NFD "Nguyễn" typed on macOS equals the NFC one stored before). Runs before ajv.
 */
export function guardData(input: unknown, limits: DataLimits): GuardResult {
  const issues: FormValidationIssue[] = [];
  const issue = (path: string, keyword: string, params: Record<string, unknown>) =>
    issues.push({ path, keyword, message: messageFor(keyword, params), params });

  const copy = (value: unknown, path: string, depth: number): JsonValue | undefined => {
    if (value === null || typeof value === 'boolean') return value;
    if (typeof value === 'string') return value.normalize('NFC');
    if (typeof value === 'number') {
      if (Number.isFinite(value)) return value;
      issue(path, 'invalidValue', {});
      return undefined;
    }
    if (typeof value !== 'object') {
      if (value !== undefined) issue(path, 'invalidValue', {});
      return undefined;
    }
    if (depth >= limits.maxDepth) {
      issue(path, 'maxDepth', { limit: limits.maxDepth });
      return undefined;
    }
    if (Array.isArray(value)) {
      return value.map((item, i) => copy(item, `${path}/${i}`, depth + 1) ?? null);
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      issue(path, 'invalidValue', {});
      return undefined;
    }
    const out: JsonObject = {};
    for (const rawKey of Object.keys(value)) {
      const key = rawKey.normalize('NFC');
      const keyPath = `${path}/${pointerSegment(key)}`;
      if (FORBIDDEN_KEYS.has(key)) {
        issue(keyPath, 'forbiddenKey', { key });
        continue;
      }
      const child = copy((value as Record<string, unknown>)[rawKey], keyPath, depth + 1);
      if (child !== undefined) out[key] = child;
    }
    return out;
  };

  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    issue('', 'rootType', {});
    return { data: {}, issues };
  }
  const data = copy(input, '', 0) as JsonObject | undefined;
  return { data: data ?? {}, issues };
}

/** Deep copy of JSON data (structuredClone is not needed; data is plain JSON). */
export function cloneJson<T extends JsonValue | undefined>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
