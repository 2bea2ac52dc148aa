import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { documentRoutes } from '../routes/document.routes';
import { workflowWorkers } from './workers/index';
import { WorkflowRuntime } from './workflow-runtime';

declare module 'fastify' {
  interface FastifyInstance {
    workflowRuntime: WorkflowRuntime;
  }
}

/**
 * Registers the workers of every job type the shipped procedures use, the handover bridge + job
 * loop (`app.workflowRuntime`; the platform starts it, tests drain it by hand) and the document
 * download route. The loop stops when the app closes.
 */
export const workflowRuntimePlugin = fp(async (app: FastifyInstance) => {
  for (const worker of workflowWorkers) app.engine.registerWorker(worker.type, worker.handler(app));
  const runtime = new WorkflowRuntime(app);
  app.decorate('workflowRuntime', runtime);
  app.addHook('onClose', async () => runtime.stop());
  await app.register(documentRoutes);
}, { name: 'workflow-runtime' });
