import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp } from './app';
import type { Clock } from './app-deps';
import { ConfigError, type AppConfig } from './config/config';
import { createDatabase } from './db/database';
import { startEmbeddedPostgres, type EmbeddedServer } from './db/embedded-postgres';
import { migrateToLatest } from './db/migrator';
import type { ServerDatabase } from './db/schema';
import { runSeeders, type SeedSummary } from './seed/index';
import { ensureDeadlineScan } from './mail/mail-worker';

export interface Platform {
  app: FastifyInstance;
  db: Kysely<ServerDatabase>;
  databaseUrl: string;
  embedded: boolean;
  seed: SeedSummary | undefined;
  stop(): Promise<void>;
}

export interface StartOptions {
  config: AppConfig;
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
  say?: (line: string) => void;
}

/** Everything `npm start` does before listening: database, migrations, seed, web build, app. */
export async function startPlatform(options: StartOptions): Promise<Platform> {
  const { config } = options;
  const say = options.say ?? (() => undefined);
  let embedded: EmbeddedServer | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    say(`Khởi động PostgreSQL nhúng / starting embedded PostgreSQL (${path.join(config.dataDir, 'pg')}) …`);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'pg'), port: config.embeddedPostgresPort });
    databaseUrl = embedded.url;
  }
  const db = createDatabase<ServerDatabase>({ url: databaseUrl });
  const stopAll = async () => {
    await db.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
  };
  try {
    await sql`SELECT 1`.execute(db).catch((error: Error) => {
      throw new ConfigError(`cannot connect to the database at ${redactUrl(databaseUrl!)}: ${error.message || String(error)}`);
    });
    await migrateToLatest(db as Kysely<unknown>);
    const seed = config.seedDemo ? await runSeeders(db) : undefined;
    await ensureWebBuilt(config.webDistDir, say);
    const app = await buildApp({
      deps: { db, config, clock: options.clock ?? { now: () => new Date() }, version: packageVersion() },
      logger: options.logger,
    });
    await (await import('./workflow-runtime/content.boot')).startWorkflowContent(app, config.seedDemo);
    // Timers, the mail outbox and in-process workers run in this process.
    await ensureDeadlineScan(app);
    const executor = app.engine.createJobExecutor();
    executor.start();
    app.addHook('onClose', async () => executor.stop());
    // Audit rows are chained (and the chain head anchored) after commit; old Idempotency-Key results purged.
    const sealer = (await import('./audit/audit-sealer')).startAuditSealer(app);
    const purge = (await import('./plugins/idempotency.plugin')).startIdempotencyPurge(app);
    app.addHook('onClose', async () => {
      purge.stop();
      await sealer.stop();
    });
    return {
      app,
      db,
      databaseUrl,
      embedded: Boolean(embedded),
      seed,
      async stop() {
        await app.close();
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function ensureWebBuilt(distDir: string, say: (line: string) => void): Promise<void> {
  if (existsSync(path.join(distDir, 'index.html'))) return;
  say('Đang build giao diện web / building the web app (first start only) …');
  const { build } = await import('vite');
  await build({ configFile: path.resolve('web/vite.config.ts'), logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.resolve('package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
