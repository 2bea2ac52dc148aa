import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { documentRoutes } from '../routes/document.routes';
import { registerInstanceStartHook } from './instance-start.hook';
import { workflowWorkers } from './workers/index';
import { WorkflowRuntime } from './workflow-runtime';

declare module 'fastify' {
  interface FastifyInstance {
    workflowRuntime: WorkflowRuntime;
  }
}

/**
 * Registers the workers of every job type the shipped procedures use (handovers included), a
 * drainable job runner (`app.workflowRuntime`: tests and the demo seed; the platform's engine
 * executor runs the same workers), the ruleset/context of API-started shipped procedures and the document
 * download route.
 */
export const workflowRuntimePlugin = fp(async (app: FastifyInstance) => {
  for (const worker of workflowWorkers) app.engine.registerWorker(worker.type, worker.handler(app));
  const runtime = new WorkflowRuntime(app);
  app.decorate('workflowRuntime', runtime);
  registerInstanceStartHook(app);
  await app.register(documentRoutes);
}, { name: 'workflow-runtime' });
