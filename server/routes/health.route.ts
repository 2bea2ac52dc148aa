import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { errorBody } from '../errors';

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check',
        response: {
          200: {
            type: 'object',
            properties: { status: { type: 'string' }, database: { type: 'string' }, version: { type: 'string' } },
          },
          503: { $ref: 'errorBody#' },
        },
      },
    },
    async (_request, reply) => {
      try {
        await sql`SELECT 1`.execute(app.deps.db);
        return { status: 'ok', database: 'ok', version: app.deps.version };
      } catch {
        return reply.status(503).send(errorBody('DATABASE_UNAVAILABLE'));
      }
    },
  );
}
