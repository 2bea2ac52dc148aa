import type { FastifyInstance } from 'fastify';
import type { JobHandler } from '../../../engine/index';

/** A job worker of the shipped procedures: its job type and an idempotent handler. */
export interface WorkflowWorker {
  type: string;
  handler: (app: FastifyInstance) => JobHandler;
}

export const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
