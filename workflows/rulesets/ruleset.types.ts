import type { AgencyKind, Localized, RulesetId, Structure } from '../types';

/** A legal point the sources did not confirm: a named setting with its default and a note. */
export interface UnconfirmedSetting<T = unknown> {
  value: T;
  /** Item number in DOMAIN.md §10 (or the section that marks it UNCONFIRMED). */
  domainRef: string;
  note: string;
  options?: T[];
}

export interface ActorRule {
  kind: AgencyKind;
  level: 'commune' | 'district' | 'province' | 'court_region';
  /** FEEL building the BPMN candidate group (docs/conventions.md). */
  candidateGroup: string;
  description: Localized;
}

export interface Ruleset {
  id: RulesetId;
  title: Localized;
  /** Inclusive start date; the ruleset applies to cases started on/after it. */
  effectiveFrom: string;
  /** Exclusive end date, null = open-ended. */
  effectiveTo: string | null;
  /** Jurisdiction structures the ruleset can run on (2025 also ran on the 3-level map until 01/07/2025). */
  structures: Structure[];
  legalBasis: string[];
  actors: Record<
    'determinationRequester' | 'dossierPreparer' | 'dossierChecker' | 'court' | 'higherCourt' | 'escort' | 'postRehabDecider',
    ActorRule | null
  >;
  /** Steps switched on/off by the ruleset (the BPMN gateways test the `ruleset` variable). */
  steps: { labourOfficeCheck: boolean; districtLevel: boolean };
  /** Deadline ids (deadlines.ts) that do not apply under this ruleset. */
  inactiveDeadlines: string[];
  settings: Record<string, UnconfirmedSetting>;
}
