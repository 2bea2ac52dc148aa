import type { FastifyInstance } from 'fastify';
import { verifyAuditChain } from '../audit/audit-verify.service';
import { accessibleWhere } from '../auth/casl-sql';
import { columnMaps } from '../auth/column-maps';
import { callerOf, ensureCan } from '../auth/guard';
import { errorResponses, pageOf, paging, strictObject, uuid } from './schemas';

/** The audit log for auditors and admins (their subtree), and the chain check. */
export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  app.get<{ Querystring: { resourceType?: string; resourceId?: string; actorId?: string; action?: string; limit?: string; offset?: string } }>(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit entries the caller may read, newest first',
        querystring: strictObject({ resourceType: { type: 'string', maxLength: 40 }, resourceId: { type: 'string', maxLength: 100 }, actorId: uuid, action: { type: 'string', maxLength: 60 }, ...paging }),
        response: errorResponses,
      },
    },
    async (request) => {
      const { ability } = callerOf(request);
      await ensureCan(request, 'read', 'AuditLog');
      const { limit, offset } = pageOf(request.query);
      let q = db.selectFrom('audit_log as l').selectAll('l').where(accessibleWhere(ability, 'read', 'AuditLog', columnMaps.AuditLog));
      if (request.query.resourceType) q = q.where('l.resource_type', '=', request.query.resourceType);
      if (request.query.resourceId) q = q.where('l.resource_id', '=', request.query.resourceId);
      if (request.query.actorId) q = q.where('l.actor_id', '=', request.query.actorId);
      if (request.query.action) q = q.where('l.action', '=', request.query.action);
      return { items: await q.orderBy('l.id', 'desc').limit(limit).offset(offset).execute() };
    },
  );

  app.get('/api/audit/verify', { schema: { tags: ['audit'], summary: 'Recompute the hash chain', response: errorResponses } }, async (request) => {
    await ensureCan(request, 'read', 'AuditLog');
    return verifyAuditChain(db);
  });
}
