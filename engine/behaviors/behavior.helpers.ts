import { isExpression, stripEquals } from '../feel/feel-evaluator';
import { addDuration, parseCycle, parseDate } from '../feel/timer-spec';
import type { GraphElement, TimerSpec } from '../model/graph.types';
import type { BehaviorContext, Effect } from './behavior.types';

export const TIMER_JOB = 'engine:timer';
export const PUBLISH_MESSAGE_JOB = 'engine:publish-message';
export const BROADCAST_SIGNAL_JOB = 'engine:broadcast-signal';

/** A static attribute or a `=FEEL` expression. */
export function attribute(ctx: BehaviorContext, raw: string | null): unknown {
  if (raw === null) return null;
  return ctx.feel.value(raw, ctx.variables());
}

export function toList(value: unknown): string[] {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) return value.map(String);
  return String(value).split(',').map((item) => item.trim()).filter(Boolean);
}

/** A date / date-time / ISO value to an instant; a bare date means the end of that local day. */
export function toInstant(value: unknown, offsetFor: (ymd: string) => string): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return new Date(`${text}T23:59:59.999${offsetFor(text)}`);
  const date = new Date(text.replace(/@.*$/, ''));
  if (Number.isNaN(date.getTime())) throw new Error(`not a date: ${text}`);
  return date;
}

export interface ResolvedTimer {
  dueAt: Date;
  cycle: { repetitions: number | null; duration: string } | null;
}

export function resolveTimer(ctx: BehaviorContext, timer: TimerSpec): ResolvedTimer {
  const raw = isExpression(timer.expression)
    ? String(ctx.feel.evaluate(stripEquals(timer.expression), ctx.variables()))
    : timer.expression;
  if (timer.kind === 'duration') return { dueAt: addDuration(ctx.now, raw), cycle: null };
  if (timer.kind === 'date') {
    // a bare date fires at local midnight of the business time zone
    const dueAt = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? new Date(`${raw}T00:00:00${ctx.offsetFor(raw)}`) : parseDate(raw);
    return { dueAt, cycle: null };
  }
  const cycle = parseCycle(raw);
  const first = cycle.start && cycle.start > ctx.now ? cycle.start : addDuration(ctx.now, cycle.duration);
  const repetitions = cycle.repetitions === null ? null : cycle.repetitions - 1;
  return { dueAt: first, cycle: { repetitions, duration: cycle.duration } };
}

export function timerJob(ctx: BehaviorContext, event: GraphElement): Effect {
  const timer = resolveTimer(ctx, event.timer as TimerSpec);
  return {
    kind: 'job', type: TIMER_JOB, jobKind: 'timer', dueAt: timer.dueAt, retries: 3,
    payload: { cycle: timer.cycle }, elementId: event.id,
  };
}

export function messageSubscription(ctx: BehaviorContext, event: GraphElement): Effect {
  const key = attribute(ctx, event.correlationKey);
  return {
    kind: 'subscribe', subKind: 'message', name: event.messageName ?? '',
    correlationKey: key === null ? null : String(key), elementId: event.id,
  };
}

export function signalSubscription(event: GraphElement): Effect {
  return { kind: 'subscribe', subKind: 'signal', name: event.signalName ?? '', correlationKey: null, elementId: event.id };
}

/** Effects that make an event element wait for its trigger (message, timer, signal). */
export function catchEffects(ctx: BehaviorContext, event: GraphElement): Effect[] {
  if (event.eventKind === 'message' || event.type === 'receiveTask') return [messageSubscription(ctx, event)];
  if (event.eventKind === 'timer') return [timerJob(ctx, event)];
  if (event.eventKind === 'signal') return [signalSubscription(event)];
  return [];
}

/** A job for a worker (service, send, script with taskDefinition, message throw with taskDefinition). */
export function workerJob(ctx: BehaviorContext): Effect {
  const type = String(attribute(ctx, ctx.element.jobType));
  const retries = Number(attribute(ctx, ctx.element.jobRetries) ?? 3);
  return {
    kind: 'job', type, jobKind: 'service', dueAt: ctx.now, retries: Number.isFinite(retries) ? retries : 3,
    payload: { headers: ctx.element.headers, elementName: ctx.element.name },
  };
}

/**
 * A throw message/signal without a worker publishes through an internal outbox job (docs/decisions.md):
 * - variables: with `zeebe:ioMapping` inputs, exactly the input targets (evaluated in the thrower's
 *   scope); without inputs, every variable visible to the element (what a Camunda 8 job would get);
 * - correlation key: `zeebe:properties` `correlationKey` if given, else the message's
 *   `zeebe:subscription correlationKey`, both evaluated in the thrower's scope;
 * - `zeebe:properties` `messageTtl` (ISO duration): buffer the message that long when nothing waits yet.
 */
export function publishJob(ctx: BehaviorContext): Effect {
  const element = ctx.element;
  const visible = ctx.variables();
  const variables: Record<string, unknown> = {};
  if (element.inputs.length > 0) {
    for (const { target } of element.inputs) variables[target] = visible[target] ?? null;
  } else {
    Object.assign(variables, visible);
  }
  if (element.eventKind === 'signal') {
    return {
      kind: 'job', type: BROADCAST_SIGNAL_JOB, jobKind: 'internal', dueAt: ctx.now, retries: 3,
      payload: { name: element.signalName, variables },
    };
  }
  const keyExpression = element.properties.correlationKey ?? element.correlationKey;
  const key = keyExpression ? attribute(ctx, keyExpression) : null;
  const ttl = element.properties.messageTtl;
  return {
    kind: 'job', type: PUBLISH_MESSAGE_JOB, jobKind: 'internal', dueAt: ctx.now, retries: 3,
    payload: {
      name: element.messageName, correlationKey: key === null ? null : String(key), variables,
      ...(ttl ? { ttlMs: addDuration(ctx.now, ttl).getTime() - ctx.now.getTime() } : {}),
    },
  };
}
