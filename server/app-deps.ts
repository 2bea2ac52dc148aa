import type { Kysely } from 'kysely';
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
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}
