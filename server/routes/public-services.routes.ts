import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { appendAudit } from '../audit/audit.service';
import { AppError } from '../errors';
import { findJurisdictionByCode, listJurisdictions } from '../repositories/jurisdiction.repository';
import { resolveFirstDeployed, type VariantDb } from '../variants/index';
import { code, errorResponses, isoDate, strictObject } from './schemas';

const tags = ['public'];
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const TRACKING = '^(DK|TB)-[A-HJ-NP-Z2-9]{8}$';

/** The procedure each online service starts: the first of these process ids that is deployed. */
export const PUBLIC_PROCEDURES = {
  registration: ['voluntary-registration', 'addiction-determination'],
  report: ['illegal-user-management', 'addiction-determination'],
} as const;

export type PublicKind = keyof typeof PUBLIC_PROCEDURES;

/** `DK-XXXXXXXX` (đăng ký) or `TB-XXXXXXXX` (tin báo): 40 random bits, no look-alike characters. */
export function newTrackingCode(kind: PublicKind): string {
  let text = '';
  for (let i = 0; i < 8; i++) text += ALPHABET[randomInt(ALPHABET.length)];
  return `${kind === 'registration' ? 'DK' : 'TB'}-${text}`;
}

const phone = { type: 'string', pattern: '^(0[35789][0-9]{8}|02[0-9]{9}|\\+84[0-9]{9,10})$' } as const;
const name = { type: 'string', minLength: 2, maxLength: 120, pattern: '\\S' } as const;
const registrationBody = strictObject(
  {
    fullName: name,
    dateOfBirth: isoDate,
    idNumber: { type: 'string', pattern: '^[0-9]{12}$' },
    phone,
    communeCode: code,
    address: { type: 'string', maxLength: 300 },
    rehabForm: { type: 'string', enum: ['home', 'centre'] },
  },
  ['fullName', 'phone', 'communeCode', 'rehabForm'],
);
const reportBody = strictObject(
  {
    anonymous: { type: 'boolean' },
    fullName: name,
    phone,
    communeCode: code,
    location: { type: 'string', maxLength: 300 },
    description: { type: 'string', minLength: 10, maxLength: 4000, pattern: '\\S' },
  },
  ['anonymous', 'communeCode', 'description'],
);

/**
 * Online public services without sign-in (issue 7): voluntary-rehab registration and the hotline
 * report each start a procedure in the chosen commune and answer a tracking code; the status lookup
 * shows only the state and the current step names. Rate limited per IP.
 */
export async function publicServiceRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock, config } = app.deps;
  const rateLimit = { max: config.publicRateLimitPerMinute, timeWindow: 60_000 };
  const limited = { ...errorResponses, 429: { $ref: 'errorBody#' } };

  app.get('/api/public/communes', { config: { public: true, rateLimit }, schema: { tags, summary: 'Communes a citizen can choose (currently valid)', response: limited } }, async () => {
    const today = clock.now().toISOString().slice(0, 10);
    const iso = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value ? String(value) : null);
    const rows = (await listJurisdictions(db, { level: 'commune' })).filter((j) => {
      const from = iso(j.valid_from);
      const to = iso(j.valid_to);
      return (!from || from <= today) && (!to || to >= today);
    });
    return { items: rows.map((j) => ({ code: j.code, name: j.name })) };
  });

  async function start(kind: PublicKind, communeCode: string, request: Record<string, unknown>) {
    const commune = await findJurisdictionByCode(db, communeCode);
    if (!commune || commune.level !== 'commune') throw new AppError('JURISDICTION_NOT_FOUND');
    // the first deployed procedure, as the commune's most specific active variant (issue 8)
    const definition = await resolveFirstDeployed(db as unknown as VariantDb, PUBLIC_PROCEDURES[kind], commune.path);
    if (!definition) throw new AppError('DEFINITION_NOT_FOUND');
    const definitionKey = definition.key;
    const segments = commune.path.split('/').filter(Boolean);
    const trackingCode = newTrackingCode(kind);
    const variables: Record<string, unknown> = {
      communeCode: commune.code,
      provinceCode: segments[0],
      ...(segments.length === 3 ? { districtCode: segments[1] } : {}),
      ruleset: commune.structure,
      trackingCode,
      publicKind: kind,
      publicRequest: { ...request, receivedAt: clock.now().toISOString() },
    };
    await db.transaction().execute(async (tx) => {
      await app.engine.startInstance({ definitionId: definition.definitionId, businessKey: trackingCode, scope: commune.path, variables }, { tx, actor: 'public' });
      await appendAudit(tx, { at: clock.now(), actorId: null, action: `public.${kind}`, resourceType: 'Instance', scope: commune.path, detail: { trackingCode, definitionKey, definitionId: definition.definitionId } });
    });
    return { code: trackingCode };
  }

  app.post<{ Body: { fullName: string; dateOfBirth?: string; idNumber?: string; phone: string; communeCode: string; address?: string; rehabForm: 'home' | 'centre' } }>(
    '/api/public/registrations',
    { config: { public: true, csrf: false, rateLimit }, schema: { tags, summary: 'Register for voluntary rehabilitation; starts the procedure in the commune and answers a tracking code', body: registrationBody, response: limited } },
    async (request, reply) => reply.status(201).send(await start('registration', request.body.communeCode, request.body)),
  );

  app.post<{ Body: { anonymous: boolean; fullName?: string; phone?: string; communeCode: string; location?: string; description: string } }>(
    '/api/public/reports',
    { config: { public: true, csrf: false, rateLimit }, schema: { tags, summary: 'Hotline report (anonymous allowed); answers a tracking code', body: reportBody, response: limited } },
    async (request, reply) => {
      const b = request.body;
      const kept = b.anonymous ? { anonymous: true, communeCode: b.communeCode, location: b.location, description: b.description } : b;
      return reply.status(201).send(await start('report', b.communeCode, kept));
    },
  );

  app.get<{ Params: { code: string } }>(
    '/api/public/status/:code',
    { config: { public: true, rateLimit }, schema: { tags, summary: 'State of a public request by its tracking code (no personal data)', params: strictObject({ code: { type: 'string', pattern: TRACKING } }, ['code']), response: limited } },
    async (request) => {
      const { items } = await app.engine.listInstances({ businessKey: request.params.code, rootOnly: true, limit: 1 });
      const instance = items[0];
      if (!instance) throw new AppError('NOT_FOUND');
      const tasks = await app.engine.listTasks({ instanceId: instance.id, state: 'created', limit: 20 });
      const started = instance.started_at as unknown;
      return {
        code: request.params.code,
        kind: request.params.code.startsWith('DK') ? 'registration' : 'report',
        receivedAt: started instanceof Date ? started.toISOString() : String(started),
        state: instance.state,
        currentSteps: tasks.items.map((t) => t.name ?? t.element_id),
      };
    },
  );
}
