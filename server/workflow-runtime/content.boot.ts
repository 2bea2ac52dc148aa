import type { FastifyInstance } from 'fastify';
import { seedDemoCases, type DemoCasesSummary } from '../seed/workflows.seeder';
import { deployShippedContent, type ContentSummary } from './content.deployer';

/**
 * On every start (idempotent): the shipped forms, holiday calendar and procedures are deployed
 * (a rejected procedure throws ContentDeployError naming the element ids, stopping the start);
 * with the demo seed on, the demo cases are driven to their stages once.
 */
export async function startWorkflowContent(app: FastifyInstance, seedDemo: boolean): Promise<{ content: ContentSummary; demo: DemoCasesSummary | null }> {
  const content = await deployShippedContent(app.deps.db, app.engine, app.deps.clock);
  app.log.info({ procedures: content.procedures, forms: content.forms, holidays: content.holidays, missing: content.missing }, 'workflow content deployed');
  if (content.unconfirmedHolidays.length) {
    app.log.warn({ unconfirmedHolidays: content.unconfirmedHolidays.map((h) => h.date) }, 'estimated holidays wait for an admin to confirm them (rename without the mark) or remove them');
  }
  const demo = seedDemo ? await seedDemoCases(app) : null;
  if (demo && demo.failed.length) app.log.warn({ failed: demo.failed }, 'some demo cases could not be driven to their stage');
  return { content, demo };
}
