import type { FastifyInstance } from 'fastify';
import { ensureCan } from '../auth/guard';
import { AppError } from '../errors';
import { idempotent, rememberResult } from '../plugins/idempotency.plugin';
import { resolveScope } from '../indicators/indicator-scope';
import { addObservation, findIndicator, jurisdictionByCode, listIndicators, listPlans, upsertIndicator } from '../indicators/indicator.repository';
import { breakdown, checkMeasure, drill, evaluate, evaluateAll, targetStatus, trend } from '../indicators/indicator.service';
import { MeasureError } from '../indicators/measure.compiler';
import { measureSchema, targetSchema, type IndicatorDefinition } from '../indicators/measure.types';
import { seedPlanIndicators } from '../indicators/plan-targets.seed';
import { code, errorResponses, isoDate, shortText, strictObject } from './schemas';

const tags = ['indicators'];
const window = { jurisdiction: code, from: isoDate, to: isoDate } as const;
const codeParams = strictObject({ code: { type: 'string', minLength: 1, maxLength: 80, pattern: '^[a-z0-9][a-z0-9.-]*$' } }, ['code']);
type WindowQuery = { jurisdiction?: string; from?: string; to?: string };

/** Plan indicators: definitions (data), values for the caller's jurisdiction, breakdown, trend, drill-down. */
export async function indicatorRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;

  app.addHook('onReady', async () => {
    try {
      await seedPlanIndicators(db);
    } catch (error) {
      app.log.warn({ err: error }, 'plan indicators not seeded');
    }
  });

  const load = async (c: string) => {
    const indicator = await findIndicator(db, c);
    if (!indicator) throw new AppError('INDICATOR_NOT_FOUND');
    return indicator;
  };

  app.get('/api/indicator-plans', { schema: { tags, summary: 'Plans (kế hoạch) whose targets the indicators track', response: errorResponses } }, async () => ({ items: await listPlans(db) }));

  app.get<{ Querystring: WindowQuery & { plan?: string } }>(
    '/api/indicators',
    { schema: { tags, summary: 'Indicator cards: value vs target for the caller’s jurisdiction (each over its plan period unless from/to)', querystring: strictObject({ ...window, plan: code }), response: errorResponses } },
    async (request) => {
      const list = await listIndicators(db, { planCode: request.query.plan });
      const items = [];
      for (const indicator of list) {
        const { caller, scopePath } = await resolveScope(db, request, indicator.jurisdictionCode, request.query.jurisdiction);
        items.push(...(await evaluateAll(db, [indicator], { ability: caller.ability, scopePath, from: request.query.from, to: request.query.to })));
      }
      return { items };
    },
  );

  app.get<{ Params: { code: string }; Querystring: WindowQuery & { step?: string; level?: 'commune' | 'district' } }>(
    '/api/indicators/:code',
    {
      schema: {
        tags, summary: 'One indicator with its breakdown by commune (or district) and its trend (step: months per point)', params: codeParams,
        querystring: strictObject({ ...window, step: { enum: ['3', '6', '12'] }, level: { enum: ['commune', 'district'] } }), response: errorResponses,
      },
    },
    async (request) => {
      const indicator = await load(request.params.code);
      const { caller, scopePath } = await resolveScope(db, request, indicator.jurisdictionCode, request.query.jurisdiction);
      const w = { ability: caller.ability, scopePath, from: request.query.from ?? indicator.periodFrom, to: request.query.to ?? indicator.periodTo };
      const result = await evaluate(db, indicator.measure, w);
      const step = Number(request.query.step ?? 6) as 3 | 6 | 12;
      return {
        indicator, period: { from: w.from, to: w.to }, scopePath, result, status: targetStatus(indicator.target, result),
        breakdown: await breakdown(db, indicator.measure, w, request.query.level ?? 'commune'),
        trend: await trend(db, indicator.measure, w, step),
      };
    },
  );

  app.get<{ Params: { code: string }; Querystring: WindowQuery & { part?: 'value' | 'numerator' | 'denominator' } }>(
    '/api/indicators/:code/cases',
    { schema: { tags, summary: 'Drill-down: the persons and cases behind a number', params: codeParams, querystring: strictObject({ ...window, part: { enum: ['value', 'numerator', 'denominator'] } }), response: errorResponses } },
    async (request) => {
      const indicator = await load(request.params.code);
      const { caller, scopePath } = await resolveScope(db, request, indicator.jurisdictionCode, request.query.jurisdiction);
      try {
        const items = await drill(db, indicator.measure, request.query.part ?? 'value', { ability: caller.ability, scopePath, from: request.query.from ?? indicator.periodFrom, to: request.query.to ?? indicator.periodTo });
        return { items };
      } catch (error) {
        if (error instanceof MeasureError) throw new AppError('BAD_REQUEST', { message: error.message });
        throw error;
      }
    },
  );

  app.put<{ Params: { code: string }; Body: Omit<IndicatorDefinition, 'code'> }>(
    '/api/indicators/:code',
    {
      schema: {
        tags, summary: 'Create or replace an indicator definition (provincial admin); the measure is validated by compiling it', params: codeParams,
        body: strictObject({
          planCode: { type: ['string', 'null'], maxLength: 40 },
          name: strictObject({ vi: shortText, en: shortText }, ['vi', 'en']),
          description: strictObject({ vi: { type: 'string', maxLength: 2000 }, en: { type: 'string', maxLength: 2000 } }),
          unit: { enum: ['persons', 'count', 'percent', 'days'] },
          measure: measureSchema, target: targetSchema, periodFrom: isoDate, periodTo: isoDate, jurisdictionCode: code, sort: { type: 'integer' },
        }, ['name', 'unit', 'measure', 'target', 'periodFrom', 'periodTo', 'jurisdictionCode']),
        response: errorResponses,
      },
    },
    async (request) => {
      const b = request.body;
      const j = await jurisdictionByCode(db, b.jurisdictionCode);
      if (!j) throw new AppError('JURISDICTION_NOT_FOUND');
      const { ability } = await ensureCan(request, 'update', 'Jurisdiction', { row: { scope: j.path } });
      try {
        checkMeasure(b.measure, ability);
      } catch (error) {
        if (error instanceof MeasureError) throw new AppError('INDICATOR_INVALID', { message: error.message });
        throw error;
      }
      if (b.periodTo < b.periodFrom) throw new AppError('INDICATOR_INVALID', { message: 'periodTo before periodFrom' });
      const definition: IndicatorDefinition = { ...b, code: request.params.code, planCode: b.planCode ?? null, sort: b.sort ?? 0 };
      await db.transaction().execute((tx) => upsertIndicator(tx, definition, clock.now()));
      return load(request.params.code);
    },
  );

  app.post<{ Params: { code: string }; Body: { jurisdictionCode: string; observedOn: string; value: number; note?: string } }>(
    '/api/indicators/:code/observations',
    {
      config: idempotent,
      schema: {
        tags, summary: 'Record a hand-entered value (e.g. a counselling point opened in a commune)', params: codeParams,
        body: strictObject({ jurisdictionCode: code, observedOn: isoDate, value: { type: 'number', minimum: -1e9, maximum: 1e9 }, note: { type: 'string', maxLength: 500 } }, ['jurisdictionCode', 'observedOn', 'value']),
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const indicator = await load(request.params.code);
      const j = await jurisdictionByCode(db, request.body.jurisdictionCode);
      if (!j) throw new AppError('JURISDICTION_NOT_FOUND');
      const { principal } = await ensureCan(request, 'create', 'Person', { row: { scope: j.path } });
      const id = await db.transaction().execute(async (tx) => {
        const added = await addObservation(tx, { indicatorCode: indicator.code, scope: j.path, observedOn: request.body.observedOn, value: request.body.value, note: request.body.note ?? null, createdBy: principal.userId }, clock.now());
        await rememberResult(tx, request, 201, { id: added });
        return added;
      });
      return reply.status(201).send({ id });
    },
  );
}
