import { sql, type Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/schema';
import { messageNames, procedures } from '../../../workflows/index';
import { messageStartEventId } from '../bpmn-lookup';
import { engineTx } from '../../workflow/engine-tx';
import { startProcedure } from '../procedure.starter';
import { str, type WorkflowWorker } from './worker.types';

/** Well-known variables the receiving case computes for itself (never copied from the sender). */
const OWN = new Set(['caseId', 'caseCode', 'communeCode', 'districtCode', 'provinceCode', 'courtRegionCode', 'ruleset', 'messageName', 'correlationKey']);

/**
 * Case facts a receiving procedure reads at start (workflows/README.md "Variables each procedure
 * expects at start"). Other variables of the sender are form fields (decision numbers, signers,
 * recipients…): carrying them would pre-fill the next procedure's forms with another document's
 * values (e.g. the court's `recipients` failing the Mẫu 51 enum), so they stay with their case.
 */
const CARRIED = new Set([
  'personId', 'route', 'triggerGroup', 'triggerType', 'isMinor', 'stableResidence', 'termMonths', 'deductibleInterimDays', 'centreName',
  'centreCourtCode', 'sourceType', 'testCycle', 'remoteArea', 'treatmentType', 'conclusion',
]);

/**
 * The case a handover job already opened. `data ? 'handoverJobId'` is the predicate of the partial
 * index rehab_case_handover_job_idx (migration 0080): without it the planner cannot use the index
 * and scans every case (≈ 660 ms on 250 000 cases).
 */
export function handedOverCase(db: Kysely<ServerDatabase>, jobId: string) {
  return db.selectFrom('rehab_case').select('id').where(sql<boolean>`data ? 'handoverJobId' AND data->>'handoverJobId' = ${jobId}`);
}

/**
 * `message.publish` (inputs `messageName`, `correlationKey` = personId; the job variables are the
 * payload) — the handover between procedures (DESIGN.md §9, workflows/README.md):
 * - an instance of the person waits for the message → correlate it there;
 * - else the message starts a procedure (catalogue `startsProcess`) → open a new case for the
 *   person and start it at its message start event, filed under the person's scope, with the
 *   ruleset in force today (selectRuleset) and the previous case linked;
 * - else nothing waits: recorded as not correlated (the result variable `published = false`).
 * Idempotent: a job that already opened a case (case data `handoverJobId`) does not open another;
 * a correlation is recorded in the sender's case (`publishedJobs`) in the same transaction.
 */
export const messagePublishWorker: WorkflowWorker = {
  type: 'message.publish',
  handler: (app) => async (job) => {
    const name = str(job.variables.messageName);
    if (!name) throw new Error('message.publish needs the input messageName');
    const key = job.variables.correlationKey == null ? null : String(job.variables.correlationKey);
    const { db, clock } = app.deps;
    // the throw event's own inputs (locals of the job) always travel; of the rest, the case facts only
    const instanceVariables = job.instanceId ? ((await app.engine.getVariables(job.instanceId)) as Record<string, unknown> | null) ?? {} : {};
    const isLocal = (k: string, v: unknown) => !(k in instanceVariables) || JSON.stringify(instanceVariables[k]) !== JSON.stringify(v);
    const payload = Object.fromEntries(Object.entries(job.variables).filter(([k, v]) => !OWN.has(k) && (CARRIED.has(k) || isLocal(k, v))));
    const waiting = await sql<{ n: number }>`SELECT count(*)::int AS n FROM event_subscription
      WHERE kind = 'message' AND name = ${name} AND instance_id IS NOT NULL AND correlation_key IS NOT DISTINCT FROM ${key}`.execute(db);
    if ((waiting.rows[0]?.n ?? 0) > 0) {
      // correlate and mark the sender's case in one transaction, so a retried job does not publish twice
      return db.transaction().execute(async (tx) => {
        const caseId = str(job.variables.caseId);
        const sender = caseId ? await tx.selectFrom('rehab_case').select('data').where('id', '=', caseId).forUpdate().executeTakeFirst() : undefined;
        const data = (sender?.data ?? {}) as { publishedJobs?: string[] };
        if (data.publishedJobs?.includes(job.id)) return { published: true };
        const result = await app.engine.correlateMessage({ name, correlationKey: key, variables: payload }, { tx: engineTx(tx) });
        if (sender && caseId) {
          await tx.updateTable('rehab_case').set({ data: JSON.stringify({ ...data, publishedJobs: [...(data.publishedJobs ?? []), job.id].slice(-50) }) })
            .where('id', '=', caseId).execute();
        }
        return { published: result.correlatedInstances.length > 0 };
      });
    }
    const target = messageNames[name]?.startsProcess;
    const personId = str(job.variables.personId);
    if (!target || !personId || !procedures.some((p) => p.key === target)) return { published: false };
    const done = await handedOverCase(db, job.id).executeTakeFirst();
    if (done) return { published: true, handedOverCaseId: done.id };
    const startEventId = await messageStartEventId(app.engine, target, name);
    if (!startEventId) throw new Error(`procedure ${target} has no start event for message ${name}`);
    const source = job.instanceId ? await app.engine.getInstance(job.instanceId) : null;
    const started = await startProcedure({ db, engine: app.engine, clock }, {
      procedureKey: target, personId, startEventId,
      variables: { ...payload, sourceProcedure: source?.definition_key ?? null },
      previousCaseId: str(job.variables.caseId), caseData: { handoverJobId: job.id, message: name },
    });
    return { published: true, handedOverCaseId: started.caseId };
  },
};
