import type { RulesetId, Structure } from '../types';
import { ruleset2022 } from './ruleset-2022';
import { ruleset2025 } from './ruleset-2025';
import type { Ruleset } from './ruleset.types';

export type { ActorRule, Ruleset, UnconfirmedSetting } from './ruleset.types';

export const rulesets: Record<RulesetId, Ruleset> = { '2022': ruleset2022, '2025': ruleset2025 };

/**
 * The ruleset for a case started on `date` (YYYY-MM-DD) in a jurisdiction of `structure`.
 * Dates before 2022 have no ruleset (the ND221/2013 regime is not modelled).
 */
export function selectRuleset(date: string, structure: Structure): Ruleset {
  const match = Object.values(rulesets).find(
    (r) => date >= r.effectiveFrom && (r.effectiveTo === null || date < r.effectiveTo) && r.structures.includes(structure),
  );
  if (!match) throw new Error(`no ruleset for ${date} on the ${structure} structure`);
  return match;
}
