/** workflows/: what a province deploys on day one (procedures, forms, record types, rulesets, seed). */
export { demoSeed, courtRegions, jurisdictionsOf, ESTIMATED_HOLIDAY_MARK, holidayCalendarName, holidaysToSeed, isUnconfirmedHoliday } from './seed/index';
export { procedures, loadProcedureXml } from './procedures';
export type { ProcedureInfo } from './procedures';
export { loadForms } from './forms';
export type { FormFile } from './forms';
export { currentFormManifest, formManifestProblems, readFormManifest, writeFormManifest, FORM_MANIFEST_PATH } from './shipped-form-versions';
export type { FormManifest, FormManifestProblem } from './shipped-form-versions';
export { loadRecordTypes } from './record-types';
export { rulesets, selectRuleset } from './rulesets/index';
export type { Ruleset, ActorRule, UnconfirmedSetting } from './rulesets/index';
export { deadlines, deadlineById } from './deadlines';
export type { Deadline, DeadlineUnit } from './deadlines';
export { jobTypes, messageNames } from './catalogue';
export type * from './types';
