import type { HistoryEntry } from '../api/endpoints';

export interface ElementStates {
  completed: string[];
  active: string[];
  failed: string[];
}

/** Completed / active / failed element ids from the instance's history and open incidents. */
export function elementStates(history: HistoryEntry[], incidents: { element_id: string | null; state?: unknown }[] = []): ElementStates {
  const activations = new Map<string, number>();
  const completed = new Set<string>();
  for (const event of history) {
    const id = event.element_id;
    if (!id) continue;
    if (event.type === 'element.activated') activations.set(id, (activations.get(id) ?? 0) + 1);
    if (event.type === 'element.completed' || event.type === 'element.terminated') {
      activations.set(id, (activations.get(id) ?? 0) - 1);
      if (event.type === 'element.completed') completed.add(id);
    }
  }
  const active = [...activations].filter(([, n]) => n > 0).map(([id]) => id);
  const failed = incidents.filter((i) => i.element_id && (i.state === undefined || i.state === 'open')).map((i) => i.element_id as string);
  return { completed: [...completed].filter((id) => !active.includes(id)), active, failed: [...new Set(failed)] };
}
