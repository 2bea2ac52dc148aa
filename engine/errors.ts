/** Stable error codes of the engine; the server maps them to HTTP statuses. */
export type EngineErrorCode =
  | 'DEPLOY_INVALID'
  | 'DEFINITION_NOT_FOUND'
  | 'INSTANCE_NOT_FOUND'
  | 'INSTANCE_NOT_ACTIVE'
  | 'TASK_NOT_FOUND'
  | 'TASK_ALREADY_COMPLETED'
  | 'TASK_NOT_ASSIGNABLE'
  | 'JOB_NOT_FOUND'
  | 'JOB_NOT_LOCKED'
  | 'INCIDENT_NOT_FOUND'
  | 'MESSAGE_NOT_CORRELATED'
  | 'ELEMENT_NOT_FOUND'
  | 'MIGRATION_INVALID'
  | 'EXPRESSION_FAILED';

export interface DeployProblem {
  elementId: string | null;
  message: string;
}

export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: EngineErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.details = details;
  }
}

export function deployInvalid(problems: DeployProblem[]): EngineError {
  const summary = problems.slice(0, 3).map((p) => `${p.elementId ?? '-'}: ${p.message}`).join('; ');
  return new EngineError('DEPLOY_INVALID', `Deployment rejected: ${summary}`, { problems });
}

export function isEngineError(error: unknown, code?: EngineErrorCode): error is EngineError {
  return error instanceof EngineError && (code === undefined || error.code === code);
}
