import { subject as caslSubject } from '@casl/ability';
import type { FastifyRequest } from 'fastify';
import { appendAudit } from '../audit/audit.service';
import { AppError } from '../errors';
import type { Action, AppAbility, SubjectType } from './abilities';
import type { Principal } from './principal';

export interface Caller {
  principal: Principal;
  ability: AppAbility;
}

/** The signed-in caller; routes behind the auth plugin always have one. */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.principal || !request.ability) throw new AppError('UNAUTHENTICATED');
  return { principal: request.principal, ability: request.ability };
}

export interface GuardTarget {
  /** The row (or the fields the rules look at); omit for a type-level check. */
  row?: Record<string, unknown>;
  resourceId?: string | null;
  field?: string;
}

/** Writes a denial to the audit log (own transaction, so it survives the refused command). */
export async function recordDenial(request: FastifyRequest, action: string, subjectType: string, target: GuardTarget = {}): Promise<void> {
  const { db, clock } = request.server.deps;
  await appendAudit(db, {
    at: clock.now(),
    actorId: request.principal?.userId ?? null,
    action: 'access.denied',
    resourceType: subjectType,
    resourceId: target.resourceId ?? (typeof target.row?.id === 'string' ? target.row.id : null),
    scope: typeof target.row?.scope === 'string' ? target.row.scope : null,
    detail: { action, field: target.field, method: request.method, url: request.url.split('?')[0] },
  });
}

export function allows(ability: AppAbility, action: Action, subjectType: SubjectType, target: GuardTarget = {}): boolean {
  const subj = target.row ? caslSubject(subjectType, { ...target.row }) : subjectType;
  return ability.can(action, subj as SubjectType, target.field);
}

/** Guard of every single-row read and write: 403 FORBIDDEN with a code, logged to the audit log. */
export async function ensureCan(request: FastifyRequest, action: Action, subjectType: SubjectType, target: GuardTarget = {}): Promise<Caller> {
  const caller = callerOf(request);
  if (!allows(caller.ability, action, subjectType, target)) {
    await recordDenial(request, action, subjectType, target);
    throw new AppError('FORBIDDEN', { action, subject: subjectType });
  }
  return caller;
}
