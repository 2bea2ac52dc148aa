import type { Kysely } from 'kysely';
import { createEngine, type Engine } from '../../engine/index';
import type { Clock } from '../app-deps';
import { poolOf } from '../db/database';
import type { ServerDatabase } from '../db/schema';
import { resolveForPath, type VariantDb } from '../variants/index';

/**
 * The server's engine: a `latest`-bound call activity starts the most specific active variant for
 * the caller's jurisdiction (DESIGN §10), like a case started by key — so a district's variant of a
 * called procedure is used from that district only.
 */
export function createServerEngine(db: Kysely<ServerDatabase>, clock: Clock): Engine {
  return createEngine({
    db,
    // commands outside our transactions (the job executor's timers and continuations): 2 round trips
    pool: poolOf(db),
    clock,
    resolveLatestDefinition: async (tx, key, scope) => (await resolveForPath(tx as VariantDb, key, scope))?.definitionId ?? null,
  });
}
