import path from 'node:path';

export interface AppConfig {
  host: string;
  port: number;
  /** Set → use this PostgreSQL; unset → start the embedded server under `dataDir`. */
  databaseUrl: string | undefined;
  embeddedPostgresPort: number;
  dataDir: string;
  /** Set → send mail through it; unset → write mail files under `dataDir/mail`. */
  smtpUrl: string | undefined;
  logLevel: string;
  webDistDir: string;
  /** Seed the demo province, users and cases on start. */
  seedDemo: boolean;
  /** Absolute session lifetime. */
  sessionTtlMinutes: number;
  /** A session unused this long expires. */
  sessionIdleMinutes: number;
  /** Failed sign-ins in a row before the account is locked for `lockoutMinutes`. */
  loginMaxFailures: number;
  lockoutMinutes: number;
  /** Login attempts per IP and username per minute. */
  loginRateLimitPerMinute: number;
  /** Requests per IP per minute on the public (no login) endpoints. */
  publicRateLimitPerMinute: number;
  maxUploadBytes: number;
  /** Sender address of notification mail. */
  mailFrom: string;
  /** Form ids citizens may submit without signing in. */
  publicForms: string[];
  /** Base URL used in links inside notification mail. */
  publicUrl: string;
  /** How often the audit sealer chains new audit rows (server/audit/audit-sealer.ts). */
  auditSealIntervalMs: number;
  /** Append-only file outside the database where the chain head is copied (`audit:verify -- --anchors`). */
  auditAnchorFile: string;
  auditAnchorMinutes: number;
  /** Mail the chain head to the auditors this often (0 = never). */
  auditAnchorMailHours: number;
  /** Idempotency-Key results older than this are purged. */
  idempotencyTtlHours: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const dataDir = path.resolve(env.DATA_DIR ?? '.data');
  return {
    host: env.HOST ?? '0.0.0.0',
    port: parsePort('PORT', env.PORT, 3000),
    databaseUrl: nonEmpty(env.DATABASE_URL),
    embeddedPostgresPort: parsePort('EMBEDDED_PG_PORT', env.EMBEDDED_PG_PORT, 54320),
    dataDir,
    smtpUrl: nonEmpty(env.SMTP_URL),
    logLevel: env.LOG_LEVEL ?? 'info',
    webDistDir: path.resolve(env.WEB_DIST_DIR ?? 'web/dist'),
    seedDemo: (env.SEED_DEMO ?? 'true') !== 'false',
    sessionTtlMinutes: parsePositive('SESSION_TTL_MINUTES', env.SESSION_TTL_MINUTES, 480),
    sessionIdleMinutes: parsePositive('SESSION_IDLE_MINUTES', env.SESSION_IDLE_MINUTES, 30),
    loginMaxFailures: parsePositive('LOGIN_MAX_FAILURES', env.LOGIN_MAX_FAILURES, 5),
    lockoutMinutes: parsePositive('LOCKOUT_MINUTES', env.LOCKOUT_MINUTES, 15),
    loginRateLimitPerMinute: parsePositive('LOGIN_RATE_LIMIT', env.LOGIN_RATE_LIMIT, 10),
    publicRateLimitPerMinute: parsePositive('PUBLIC_RATE_LIMIT', env.PUBLIC_RATE_LIMIT, 30),
    maxUploadBytes: parsePositive('MAX_UPLOAD_BYTES', env.MAX_UPLOAD_BYTES, 10 * 1024 * 1024),
    publicForms: (env.PUBLIC_FORMS ?? 'voluntary.registration,determination.volunteer-application').split(',').map((f) => f.trim()).filter(Boolean),
    mailFrom: env.MAIL_FROM ?? 'Quy Trinh <no-reply@quytrinh.local>',
    publicUrl: env.PUBLIC_URL ?? 'http://localhost:3000',
    auditSealIntervalMs: parsePositive('AUDIT_SEAL_INTERVAL_MS', env.AUDIT_SEAL_INTERVAL_MS, 1000),
    auditAnchorFile: path.resolve(env.AUDIT_ANCHOR_FILE ?? path.join(dataDir, 'audit', 'anchors.jsonl')),
    auditAnchorMinutes: parsePositive('AUDIT_ANCHOR_MINUTES', env.AUDIT_ANCHOR_MINUTES, 10),
    auditAnchorMailHours: env.AUDIT_ANCHOR_MAIL_HOURS === '0' ? 0 : parsePositive('AUDIT_ANCHOR_MAIL_HOURS', env.AUDIT_ANCHOR_MAIL_HOURS, 24),
    idempotencyTtlHours: parsePositive('IDEMPOTENCY_TTL_HOURS', env.IDEMPOTENCY_TTL_HOURS, 48),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() ? value.trim() : undefined;
}

function parsePort(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`${name} must be a port number 0–65535, got "${value}"`);
  }
  return port;
}

function parsePositive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`${name} must be a positive number, got "${value}"`);
  return n;
}
