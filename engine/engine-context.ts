import { sql, type Kysely } from 'kysely';
import type { Clock } from './clock';
import { EngineError } from './errors';
import type { BusinessCalendar } from './feel/business-calendar';
import type { FeelEvaluator } from './feel/feel-evaluator';
import { readBpmn } from './model/bpmn-reader';
import { compileDefinitions } from './model/graph-compiler';
import type { ProcessGraph } from './model/graph.types';
import { validateGraph } from './model/graph-validator';
import type { GraphProvider, ResolvedDefinition } from './runtime/graph-provider';
import type { EngineDatabase } from './schema/engine-db.types';
import type { RawPool } from './commands/command-session';

export type Db = Kysely<EngineDatabase>;

/** Shared services of one engine (no instance state: only caches of immutable definitions). */
export interface EngineContext {
  db: Db;
  clock: Clock;
  feel: FeelEvaluator;
  calendar: BusinessCalendar;
  graphs: GraphCache;
  newId: () => string;
  holidays: HolidayCache;
  /** optional raw node-postgres pool for commands in their own transaction (2 round trips instead of 3) */
  pool?: RawPool;
}

/**
 * Which definition a `latest`-bound call activity starts for a caller in `scope` (the host's variant
 * rule, e.g. the most specific jurisdiction's version); null = the engine's own rule (highest version).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- runs inside the caller's transaction of any schema
export type LatestDefinitionResolver = (db: Kysely<any>, processId: string, scope: string | null) => Promise<string | null>;

/** Compiled graphs per definition version (immutable, so cached forever). */
export class GraphCache {
  private readonly graphs = new Map<string, { key: string; graph: ProcessGraph; deploymentId: string }>();

  constructor(private readonly db: Db, private readonly resolveLatest?: LatestDefinitionResolver) {}

  remember(id: string, key: string, deploymentId: string, graph: ProcessGraph): void {
    this.graphs.set(id, { key, graph, deploymentId });
  }

  async load(db: Db, definitionId: string): Promise<ProcessGraph> {
    const cached = this.graphs.get(definitionId);
    if (cached) return cached.graph;
    const row = await db.selectFrom('process_definition').select(['key', 'source_xml', 'deployment_id'])
      .where('id', '=', definitionId).executeTakeFirst();
    if (!row) throw new EngineError('DEFINITION_NOT_FOUND', `definition ${definitionId} not found`, { definitionId });
    const { definitions } = await readBpmn(row.source_xml);
    const graph = definitions ? compileDefinitions(definitions).graphs.find((g) => g.processId === row.key) : undefined;
    if (!graph) throw new EngineError('DEFINITION_NOT_FOUND', `definition ${definitionId} does not compile`, { definitionId });
    validateGraph(graph);
    this.remember(definitionId, row.key, row.deployment_id, graph);
    return graph;
  }

  /** A synchronous view for the runner; graphs must have been loaded with `load` first. */
  provider(db: Db): GraphProvider {
    return {
      graph: (definitionId) => {
        const cached = this.graphs.get(definitionId);
        if (!cached) throw new Error(`graph ${definitionId} not preloaded`);
        return cached.graph;
      },
      resolveCalled: async (processId, binding, versionTag, callerDefinitionId, callerScope): Promise<ResolvedDefinition> => {
        if (binding === 'latest' && this.resolveLatest) {
          const chosen = await this.resolveLatest(db, processId, callerScope);
          if (chosen) return { id: chosen, key: processId, graph: await this.load(db, chosen) };
        }
        let query = db.selectFrom('process_definition').select(['id', 'key']).where('key', '=', processId);
        if (binding === 'deployment') {
          const deploymentId = this.graphs.get(callerDefinitionId)?.deploymentId ?? '';
          query = query.where('deployment_id', '=', deploymentId);
        }
        if (binding === 'versionTag') query = query.where('version_tag', '=', versionTag ?? '');
        const row = await query.orderBy('version', 'desc').limit(1).executeTakeFirst();
        if (!row) {
          throw new EngineError('DEFINITION_NOT_FOUND', `called process ${processId} (${binding}${versionTag ? ` ${versionTag}` : ''}) not found`);
        }
        return { id: row.id, key: row.key, graph: await this.load(db, row.id) };
      },
    };
  }
}

/** Holidays are read from calendar_holiday and refreshed at most every `ttlMs`. */
export class HolidayCache {
  private loadedAt = 0;

  constructor(private readonly calendar: BusinessCalendar, private readonly ttlMs = 60_000) {}

  invalidate(): void {
    this.loadedAt = 0;
  }

  async ensure(db: Db): Promise<void> {
    if (Date.now() - this.loadedAt < this.ttlMs) return;
    const rows = await sql<{ date: string }>`SELECT to_char(date, 'YYYY-MM-DD') AS date FROM calendar_holiday`.execute(db);
    this.calendar.setHolidays(rows.rows.map((row) => row.date));
    this.loadedAt = Date.now();
  }
}
