import type { Locale } from '../form.types';

/** One administrative unit offered by the jurisdiction picker. */
export interface JurisdictionOption {
  code: string;
  name: string;
  level: 'province' | 'district' | 'commune';
  /** Materialised path `/44/449/19300/` (2022) or `/44/19300/` (2025). */
  path?: string;
}

export interface PersonOption {
  id: string;
  fullName: string;
  dateOfBirth?: string;
  idNumber?: string;
}

export interface UploadedFile {
  id: string;
  fileName: string;
  size: number;
  contentType?: string;
}

/**
 * What the web passes as RJSF `formContext` so widgets can reach the server. Everything is optional:
 * a widget without its loader degrades to a plain text input.
 */
export interface QuyTrinhFormContext {
  locale?: Locale;
  /** Administrative structure of the case (`ruleset` process variable); default 2025. */
  structure?: '2022' | '2025';
  /** Children of a unit (null → provinces) in the given structure. */
  loadJurisdictions?: (parentCode: string | null, structure: '2022' | '2025') => Promise<JurisdictionOption[]>;
  /** The unit of a stored code (to show its name and preselect its parents). */
  lookupJurisdiction?: (code: string) => Promise<JurisdictionOption | undefined>;
  searchPersons?: (query: string) => Promise<PersonOption[]>;
  getPerson?: (id: string) => Promise<PersonOption | undefined>;
  uploadFile?: (file: File) => Promise<UploadedFile>;
  describeAttachments?: (ids: string[]) => Promise<UploadedFile[]>;
  /** Upload limit in bytes (default 10 MiB; `ui:options.maxBytes` overrides per field). */
  maxUploadBytes?: number;
}

/** Picks the text of the form's locale. */
export function pick(locale: Locale | undefined, vi: string, en: string): string {
  return locale === 'en' ? en : vi;
}

export function contextOf(registry: { formContext?: unknown }): QuyTrinhFormContext {
  const ctx = registry.formContext;
  return typeof ctx === 'object' && ctx !== null ? (ctx as QuyTrinhFormContext) : {};
}

/** 1536 → "1,5 KB" (Vietnamese decimal comma) / "1.5 KB". */
export function formatBytes(size: number, locale: Locale | undefined): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const text = unit === 0 ? String(value) : value.toFixed(1);
  return `${locale === 'en' ? text : text.replace('.', ',')} ${units[unit]}`;
}
