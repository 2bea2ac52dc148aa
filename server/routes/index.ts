import type { FastifyInstance } from 'fastify';
import { auditRoutes } from './audit.routes';
import { caseRoutes } from './case.routes';
import { orgRoutes } from './org.routes';
import { personRoutes } from './person.routes';
import { sessionRoutes } from './session.routes';
import { userRoutes } from './user.routes';

/** Every /api route module (each one resource). */
export async function apiRoutes(app: FastifyInstance): Promise<void> {
  await app.register(sessionRoutes);
  await app.register(orgRoutes);
  await app.register(userRoutes);
  await app.register(personRoutes);
  await app.register(caseRoutes);
  await app.register(auditRoutes);
}
