import type { Kysely } from 'kysely';
import type { Engine } from '../engine/index';
import type { AppConfig } from './config/config';
import type { ServerDatabase } from './db/schema';

export interface Clock {
  now(): Date;
}

/** What every route and plugin gets from buildApp's caller (no globals, so tests inject their own). */
export interface AppDeps {
  db: Kysely<ServerDatabase>;
  config: AppConfig;
  clock: Clock;
  version: string;
  /** The BPMN engine; buildApp creates one on `db` and `clock` when absent. */
  engine?: Engine;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    engine: Engine;
  }
}
