import { date as feelDate, dateAndTime, evaluate, parseExpression } from 'feelin';
import type { Clock } from '../clock';
import { EngineError } from '../errors';
import { addDays, localParts, type BusinessCalendar } from './business-calendar';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- FEEL passes whatever the expression supplies
export type FeelFunction = (...args: any[]) => unknown;

/** How many (expression, referenced values) results one evaluator keeps. */
export const FEEL_MEMO_SIZE = 2_000;

/**
 * Every expression of the engine goes through here (feelin; never eval). Expressions written with
 * a leading `=` are FEEL; other attribute values are literals (Camunda 8 convention).
 *
 * feelin parses the expression and builds its closure tree on every call (a `=approved = true`
 * condition was ≈ 19 % of the engine's Node CPU in `npm run bench:engine`), and deep-coerces the
 * whole context it is given. So `evaluate` hands feelin only the variables and functions whose name
 * occurs in the expression text (a name the expression reads must occur in it literally), and
 * memoises results per expression + JSON of those values — unless the expression names one of our
 * functions (clock, business calendar, jurisdiction helpers: their answers change over time) or
 * FEEL's own `now` / `today`.
 */
export class FeelEvaluator {
  private readonly functions: Record<string, FeelFunction>;
  private readonly memo = new Map<string, unknown>();
  /** names whose mention keeps an expression out of the memo (a superset is harmless) */
  private readonly unmemoisable: string[];

  constructor(
    private readonly clock: Clock,
    private readonly calendar: BusinessCalendar,
    extra: Record<string, FeelFunction> = {},
    private readonly memoSize = FEEL_MEMO_SIZE,
  ) {
    const tz = calendar.timeZone;
    const nowValue = () => {
      const instant = this.clock.now();
      const parts = localParts(instant, tz);
      return dateAndTime(`${parts.date}T${parts.time}${parts.offset}`);
    };
    const addWorkingDays = (from: unknown, n: unknown) =>
      shiftDate(from, tz, (ymd) => calendar.addWorkingDays(ymd, Number(n)));
    const addCalendarDays = (from: unknown, n: unknown) => shiftDate(from, tz, (ymd) => addDays(ymd, Number(n)));
    const addHours = (from: unknown, n: unknown) => {
      const instant = toInstant(from, tz);
      const shifted = new Date(instant.getTime() + Number(n) * 3_600_000);
      const parts = localParts(shifted, tz);
      return dateAndTime(`${parts.date}T${parts.time}${parts.offset}`);
    };
    const workingDaysBetween = (a: unknown, b: unknown) =>
      calendar.workingDaysBetween(toLocalDate(a, tz), toLocalDate(b, tz));
    this.functions = {
      now: nowValue,
      today: () => feelDate(localParts(this.clock.now(), tz).date),
      'add working days': addWorkingDays,
      addWorkingDays,
      'add calendar days': addCalendarDays,
      addCalendarDays,
      'add hours': addHours,
      addHours,
      'working days between': workingDaysBetween,
      workingDaysBetween,
      ...extra,
    };
    this.unmemoisable = ['now', 'today', ...Object.keys(this.functions)];
  }

  /** Evaluates a FEEL expression (without the leading `=`); the result as plain JSON. */
  evaluate(expression: string, variables: Record<string, unknown>): unknown {
    const context = this.referenced(expression, variables);
    const memoisable = this.memoSize > 0 && !this.unmemoisable.some((name) => expression.includes(name));
    const key = memoisable ? memoKey(expression, context) : null;
    if (key !== null && this.memo.has(key)) {
      const hit = this.memo.get(key);
      this.memo.delete(key); // least recently used goes first
      this.memo.set(key, hit);
      return copyJson(hit);
    }
    let result: unknown;
    try {
      result = toJson(evaluate(expression, context).value);
    } catch (error) {
      throw new EngineError('EXPRESSION_FAILED', `FEEL expression failed: ${expression}: ${(error as Error).message}`);
    }
    if (key !== null) {
      this.memo.set(key, result);
      if (this.memo.size > this.memoSize) this.memo.delete(this.memo.keys().next().value as string);
      return copyJson(result);
    }
    return result;
  }

  /** Whether a result for these referenced values is memoised (diagnostics and tests). */
  remembers(expression: string, variables: Record<string, unknown>): boolean {
    const key = memoKey(expression, this.referenced(expression, variables));
    return key !== null && this.memo.has(key);
  }

  /** The variables and functions whose name occurs in the expression text. */
  private referenced(expression: string, variables: Record<string, unknown>): Record<string, unknown> {
    const context: Record<string, unknown> = {};
    for (const name of Object.keys(variables)) if (expression.includes(name)) context[name] = variables[name];
    for (const name of Object.keys(this.functions)) if (expression.includes(name)) context[name] = this.functions[name];
    return context;
  }

  /** Evaluates a FEEL result keeping FEEL temporal values (for dates and durations). */
  evaluateRaw(expression: string, variables: Record<string, unknown>): unknown {
    try {
      return evaluate(expression, this.referenced(expression, variables)).value;
    } catch (error) {
      throw new EngineError('EXPRESSION_FAILED', `FEEL expression failed: ${expression}: ${(error as Error).message}`);
    }
  }

  /** `=expr` → FEEL; anything else → the literal string. */
  value(raw: string, variables: Record<string, unknown>): unknown {
    return isExpression(raw) ? this.evaluate(raw.slice(1), variables) : raw;
  }

  /** A sequence-flow or completion condition (with or without `=`); null/non-boolean → false. */
  condition(raw: string, variables: Record<string, unknown>): boolean {
    return this.evaluate(stripEquals(raw), variables) === true;
  }
}

/**
 * null when a value cannot be keyed by its JSON: a cycle, a BigInt, or anything but plain JSON data
 * (a Date keys like its ISO string but feelin reads it as a date-time, not as that string).
 */
function memoKey(expression: string, context: Record<string, unknown>): string | null {
  try {
    return `${expression}\u0000${JSON.stringify(context, plainOnly)}`;
  } catch {
    return null;
  }
}

function plainOnly(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  if (original !== null && typeof original === 'object' && !Array.isArray(original) && Object.getPrototypeOf(original) !== Object.prototype) {
    throw new Error('not plain JSON data');
  }
  return value;
}

function copyJson(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? structuredClone(value) : value;
}

export function isExpression(raw: string): boolean {
  return raw.trimStart().startsWith('=');
}

export function stripEquals(raw: string): string {
  const trimmed = raw.trim();
  return trimmed.startsWith('=') ? trimmed.slice(1) : trimmed;
}

/** Syntax check used by deploy: null when fine, else the parser's message. */
export function feelSyntaxError(expression: string): string | null {
  try {
    const tree = parseExpression(expression, {}, undefined);
    let bad: number | null = null;
    tree.iterate({
      enter(node) {
        if (node.type.isError && bad === null) bad = node.from;
      },
    });
    return bad === null ? null : `syntax error at position ${bad}`;
  } catch (error) {
    return (error as Error).message;
  }
}

export function toJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return typeof value === 'function' ? null : value;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

function isDateOnly(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text);
}

function toLocalDate(value: unknown, tz: string): string {
  const text = String(value);
  if (isDateOnly(text)) return text;
  return localParts(toInstant(text, tz), tz).date;
}

function toInstant(value: unknown, tz: string): Date {
  const text = String(value).replace(/@.*$/, '');
  if (isDateOnly(text)) return new Date(`${text}T00:00:00${localParts(new Date(`${text}T00:00:00Z`), tz).offset}`);
  const parsed = new Date(text);
  if (Number.isNaN(parsed.getTime())) throw new Error(`not a date: ${text}`);
  return parsed;
}

/** Moves the local calendar date of a date / date-time, keeping the wall-clock time. */
function shiftDate(from: unknown, tz: string, shift: (ymd: string) => string): unknown {
  const text = String(from);
  if (isDateOnly(text)) return feelDate(shift(text));
  const parts = localParts(toInstant(text, tz), tz);
  const day = shift(parts.date);
  const offset = localParts(new Date(`${day}T12:00:00Z`), tz).offset;
  return dateAndTime(`${day}T${parts.time}${offset}`);
}
