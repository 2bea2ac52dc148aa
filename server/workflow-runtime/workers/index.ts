import { caseTransferWorker } from './case-transfer.worker';
import { deadlineEscalationWorker, deadlineWarningWorker } from './deadline-notification.worker';
import { documentRenderWorker } from './document-render.worker';
import { emailSendWorker } from './email-send.worker';
import { messagePublishWorker } from './message-publish.worker';
import { personStatusWorker } from './person-status.worker';
import type { WorkflowWorker } from './worker.types';

/** One worker per job type of workflows' `jobTypes` (checked by test/scenarios). */
export const workflowWorkers: WorkflowWorker[] = [
  personStatusWorker, documentRenderWorker, emailSendWorker, deadlineWarningWorker, deadlineEscalationWorker, caseTransferWorker,
  messagePublishWorker,
];
