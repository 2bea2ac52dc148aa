import { existsSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { isEngineError, type DeployProblem, type Engine } from '../../engine/index';
import { formExists, saveForm, type FormsDb } from '../../forms/index';
import { demoSeed, holidayCalendarName, holidaysToSeed, isUnconfirmedHoliday, loadForms, loadProcedureXml, procedures } from '../../workflows/index';

export interface ContentSummary {
  forms: { total: number; created: number };
  holidays: number;
  /** calendar days still marked estimated (admins confirm them by renaming, or remove them) */
  unconfirmedHolidays: { date: string; name: string }[];
  procedures: { key: string; version: number; created: boolean }[];
  /** procedures listed in workflows/procedures.ts whose .bpmn file is not shipped yet */
  missing: string[];
}

/** A deploy rejection: the message lists every problem with its element id. */
export class ContentDeployError extends Error {
  constructor(readonly procedureKey: string, readonly problems: DeployProblem[]) {
    super(`deploy of procedure ${procedureKey} rejected:\n${problems.map((p) => `  - ${p.elementId ?? '(model)'}: ${p.message}`).join('\n')}`);
    this.name = 'ContentDeployError';
  }
}

function procedureFileExists(file: string): boolean {
  return existsSync(new URL(`../../workflows/procedures/${file}`, import.meta.url));
}

/**
 * Idempotent on every start: every workflows/forms/*.json into the forms registry, the holiday
 * calendar 2025–2027 into the engine, every shipped procedure deployed (formExists from the
 * registry). A deploy rejection throws ContentDeployError naming the element ids.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the server's database holds the forms and engine tables
export async function deployShippedContent(db: Kysely<any>, engine: Engine, clock: { now(): Date }): Promise<ContentSummary> {
  const formsDb = db as unknown as FormsDb;
  let created = 0;
  const forms = loadForms();
  for (const form of forms) {
    const result = await saveForm(formsDb, form, { createdBy: 'system', clock });
    if (result.created) created += 1;
  }
  const existing = (await engine.listHolidays()).map((h) => String(h.date).slice(0, 10));
  const toAdd = holidaysToSeed(demoSeed.holidays, existing);
  for (const holiday of toAdd) await engine.setHoliday(holiday.date, holidayCalendarName(holiday));
  const holidays = toAdd.length;
  const unconfirmedHolidays = (await engine.listHolidays()).map((h) => ({ date: String(h.date).slice(0, 10), name: h.name })).filter((h) => isUnconfirmedHoliday(h.name));
  const deployed: ContentSummary['procedures'] = [];
  const missing: string[] = [];
  for (const info of procedures) {
    if (!procedureFileExists(info.file)) {
      missing.push(info.key);
      continue;
    }
    const result = await deployProcedure(engine, info.key, loadProcedureXml(info.key), (id) => formExists(formsDb, id));
    for (const d of result) deployed.push({ key: d.key, version: d.version, created: d.created });
  }
  return { forms: { total: forms.length, created }, holidays, unconfirmedHolidays, procedures: deployed, missing };
}

/** Deploys one procedure; a rejection becomes ContentDeployError listing every problem's element id. */
export async function deployProcedure(
  engine: Engine, key: string, xml: string, exists: (formId: string) => Promise<boolean>,
): Promise<{ key: string; version: number; created: boolean }[]> {
  try {
    return await engine.deploy({ xml, deployedBy: 'system', formExists: exists });
  } catch (error) {
    if (isEngineError(error, 'DEPLOY_INVALID')) throw new ContentDeployError(key, (error.details.problems as DeployProblem[] | undefined) ?? []);
    throw error;
  }
}
