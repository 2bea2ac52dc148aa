import { parseExpression } from 'feelin';

/** Zeebe marks an attribute value as a FEEL expression with a leading `=`. */
export function isFeelExpression(value: string): boolean {
  return value.trimStart().startsWith('=');
}

/** Returns a message when the FEEL expression (without its leading `=`) does not parse. */
export function feelSyntaxError(expression: string): string | null {
  const source = expression.trimStart().replace(/^=/, '').trim();
  if (!source) return 'biểu thức FEEL trống';
  let error: number | null = null;
  try {
    parseExpression(source, {}, undefined).iterate({
      enter(node) {
        if (node.type.isError && error === null) error = node.from;
      },
    });
  } catch (e) {
    return `biểu thức FEEL không hợp lệ (${(e as Error).message})`;
  }
  return error === null ? null : `lỗi cú pháp FEEL ở vị trí ${(error as number) + 1}: "${source}"`;
}

const DATE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?(\[[A-Za-z_]+(\/[A-Za-z_+-]+)*\]|@[A-Za-z_]+(\/[A-Za-z_+-]+)*)?$/;
const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const CRON_FIELD = /^[0-9A-Z*?/,#LW-]+$/i;

/** ISO 8601 combined date and time (`2026-01-31T09:00:00+07:00`). */
export function isIsoDateTime(value: string): boolean {
  return DATE_TIME.test(value.trim()) && !Number.isNaN(Date.parse(value.trim().replace(/(\[.*\]|@.*)$/, '')));
}

/** ISO 8601 duration (`P5D`, `PT36H`). */
export function isIsoDuration(value: string): boolean {
  return DURATION.test(value.trim());
}

/** ISO 8601 repeating interval (`R3/PT10M`, `R/2026-01-01T08:00:00Z/P1D`) or a 6-field cron. */
export function isTimeCycle(value: string): boolean {
  const text = value.trim();
  const parts = text.split('/');
  if (/^R\d*$/.test(parts[0] ?? '')) {
    if (parts.length === 2) return isIsoDuration(parts[1]);
    if (parts.length === 3) {
      return (isIsoDateTime(parts[1]) && isIsoDuration(parts[2])) || (isIsoDuration(parts[1]) && isIsoDateTime(parts[2]));
    }
    return false;
  }
  const fields = text.split(/\s+/);
  return fields.length === 6 && fields.every((field) => CRON_FIELD.test(field));
}

/**
 * Checks an attribute that may be a FEEL expression (`=…`) or a static value of the given kind;
 * returns a message or null.
 */
export function checkTemporal(value: string | undefined, kind: 'date-time' | 'duration' | 'cycle'): string | null {
  if (value === undefined || value.trim() === '') return 'giá trị trống';
  if (isFeelExpression(value)) return feelSyntaxError(value);
  const ok = kind === 'date-time' ? isIsoDateTime(value) : kind === 'duration' ? isIsoDuration(value) : isTimeCycle(value);
  if (ok) return null;
  const expected = {
    'date-time': 'ngày giờ ISO 8601 (vd. 2026-01-31T09:00:00+07:00)',
    duration: 'khoảng thời gian ISO 8601 (vd. P5D, PT36H)',
    cycle: 'chu kỳ ISO 8601 (vd. R3/PT10M) hoặc biểu thức cron',
  }[kind];
  return `"${value}" không phải ${expected} hay biểu thức FEEL (=…)`;
}
