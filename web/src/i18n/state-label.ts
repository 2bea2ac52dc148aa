import type { MessageKey } from './messages';

/** A process state (`active`, `completed` …) in words; unknown states as they are. */
export function stateLabel(t: (key: MessageKey) => string, state: string): string {
  const key = `state.${state}` as MessageKey;
  const text = t(key);
  return text === key ? state : text;
}
