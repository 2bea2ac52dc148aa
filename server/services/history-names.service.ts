import type { FastifyInstance } from 'fastify';

interface HistoryItem {
  definition_id: string | null;
  element_id: string | null;
  actor: string | null;
  [key: string]: unknown;
}

export type NamedHistoryItem<T> = T & { element_name: string | null; actor_name: string | null; actor_agency: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Readable history rows: the element's name from its definition (the engine's compiled graph, cached
 * per version; call activities bring their own definitions) and the actor's display name and agency.
 * Only called on history the caller may already read (the instance or History rule), and only the
 * display name and agency name of each actor are added — no username, e-mail or roles — so staff of
 * one agency see who at another agency did a step of a procedure they can follow.
 */
export async function nameHistory<T extends HistoryItem>(app: FastifyInstance, items: T[]): Promise<NamedHistoryItem<T>[]> {
  if (!items.length) return [];
  const { db } = app.deps;
  const definitionIds = [...new Set(items.map((h) => h.definition_id).filter((id): id is string => Boolean(id)))];
  const actorIds = [...new Set(items.map((h) => h.actor).filter((a): a is string => typeof a === 'string' && UUID.test(a)))];
  const { context } = app.engine;
  const [graphs, actors] = await Promise.all([
    Promise.all(definitionIds.map((id) => context.graphs.load(context.db, id).then((g) => [id, g] as const, () => [id, undefined] as const))),
    actorIds.length
      ? db.selectFrom('app_user as u').leftJoin('agency as a', 'a.id', 'u.agency_id').select(['u.id', 'u.display_name', 'a.name as agency_name']).where('u.id', 'in', actorIds).execute()
      : Promise.resolve([]),
  ]);
  const graphOf = new Map(graphs);
  const actorOf = new Map(actors.map((a) => [a.id, a]));
  return items.map((h) => {
    const element = h.definition_id && h.element_id ? graphOf.get(h.definition_id)?.elements.get(h.element_id) : undefined;
    const actor = h.actor ? actorOf.get(h.actor) : undefined;
    return { ...h, element_name: element?.name ?? null, actor_name: actor?.display_name ?? null, actor_agency: actor?.agency_name ?? null };
  });
}
