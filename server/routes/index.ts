import type { FastifyInstance } from 'fastify';
import { sessionRoutes } from './session.routes';

/** Every /api route module (each one resource). */
export async function apiRoutes(app: FastifyInstance): Promise<void> {
  await app.register(sessionRoutes);
}
