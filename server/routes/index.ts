import type { FastifyInstance } from 'fastify';
import { attachmentRoutes } from './attachment.routes';
import { auditRoutes } from './audit.routes';
import { caseRoutes } from './case.routes';
import { definitionRoutes } from './definition.routes';
import { exchangeRoutes } from './exchange.routes';
import { formRoutes } from './form.routes';
import { indicatorRoutes } from './indicator.routes';
import { instanceRoutes } from './instance.routes';
import { operationsRoutes } from './operations.routes';
import { orgRoutes } from './org.routes';
import { personRoutes } from './person.routes';
import { publicRoutes } from './public.routes';
import { publicServiceRoutes } from './public-services.routes';
import { reportRoutes } from './report.routes';
import { sessionRoutes } from './session.routes';
import { taskRoutes } from './task.routes';
import { userRoutes } from './user.routes';
import { variantRoutes } from './variant.routes';

/** Every /api route module (each one resource). */
export async function apiRoutes(app: FastifyInstance): Promise<void> {
  await app.register(sessionRoutes);
  await app.register(orgRoutes);
  await app.register(userRoutes);
  await app.register(personRoutes);
  await app.register(caseRoutes);
  await app.register(auditRoutes);
  await app.register(definitionRoutes);
  await app.register(variantRoutes);
  await app.register(formRoutes);
  await app.register(instanceRoutes);
  await app.register(taskRoutes);
  await app.register(operationsRoutes);
  await app.register(attachmentRoutes);
  await app.register(publicRoutes);
  await app.register(publicServiceRoutes);
  await app.register(indicatorRoutes);
  await app.register(reportRoutes);
  await app.register(exchangeRoutes);
}
