/** Anything that reads time takes a Clock (docs/conventions.md). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
