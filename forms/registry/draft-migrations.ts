import { DraftMigrationMissingError } from '../form.errors';
import type { JsonObject } from '../form.types';

/** Turns draft data of `fromVersion` into data of `fromVersion + 1`. Must be pure. */
export type DraftMigrationFn = (data: JsonObject) => JsonObject;

/**
 * Hooks that carry a draft from one form version to the next (a renamed field, a split address …).
 * Running tasks keep the form version they were created with; a migration is used only when someone
 * moves a task's draft to a newer version (`migrateDraft`, or `getDraft(…, { migrateTo })`).
 */
export class DraftMigrationRegistry {
  private readonly steps = new Map<string, DraftMigrationFn>();

  register(formId: string, fromVersion: number, fn: DraftMigrationFn): void {
    this.steps.set(key(formId, fromVersion), fn);
  }

  has(formId: string, fromVersion: number): boolean {
    return this.steps.has(key(formId, fromVersion));
  }

  /**
   * Applies each step fromVersion → fromVersion+1 → … → toVersion. A step without a registered hook
   * keeps the data unchanged unless `strict` (then DRAFT_MIGRATION_MISSING). Never goes backwards.
   */
  migrate(formId: string, fromVersion: number, toVersion: number, data: JsonObject, strict = false): JsonObject {
    let current = structuredClone(data);
    for (let v = fromVersion; v < toVersion; v += 1) {
      const step = this.steps.get(key(formId, v));
      if (step) current = step(current);
      else if (strict) throw new DraftMigrationMissingError(formId, v);
    }
    return current;
  }

  clear(): void {
    this.steps.clear();
  }
}

function key(formId: string, fromVersion: number): string {
  return `${formId}@${fromVersion}`;
}

/** The process-wide registry used by the functions below and by draft.repository.ts. */
export const draftMigrations = new DraftMigrationRegistry();

export function registerDraftMigration(formId: string, fromVersion: number, fn: DraftMigrationFn): void {
  draftMigrations.register(formId, fromVersion, fn);
}

export function migrateDraft(
  formId: string,
  fromVersion: number,
  toVersion: number,
  data: JsonObject,
  options: { strict?: boolean } = {},
): JsonObject {
  return draftMigrations.migrate(formId, fromVersion, toVersion, data, options.strict ?? false);
}
