import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { formChecksum } from '../forms/index';
import { loadForms, type FormFile } from './forms';

/**
 * workflows/form-checksums.json: every shipped form's version and the sha256 of its content at that
 * version, computed like the forms registry does (formChecksum: canonical JSON with sorted keys of
 * everything but id/version). The server saves each shipped form with its version on every start; a
 * database already holding that version with other content refuses (FORM_VERSION_CONFLICT), so
 * content may only change together with a version bump.
 */
export type FormManifest = Record<string, { version: number; sha256: string }>;

export const FORM_MANIFEST_PATH = 'workflows/form-checksums.json';
const manifestUrl = new URL('./form-checksums.json', import.meta.url);
const UPDATE = '`npm run forms:checksums`';

export interface FormManifestProblem {
  id: string;
  /** true: regenerating the manifest must not paper over it (the form's version has to change first). */
  blocking: boolean;
  message: string;
}

/** The recorded manifest; an empty one when the file does not exist yet. */
export function readFormManifest(): FormManifest {
  return existsSync(manifestUrl) ? (JSON.parse(readFileSync(manifestUrl, 'utf8')) as FormManifest) : {};
}

/** The manifest the shipped forms call for now, ordered by form id. */
export async function currentFormManifest(forms: FormFile[] = loadForms()): Promise<FormManifest> {
  const entries = await Promise.all(forms.map(async (f) => [f.id, { version: f.version, sha256: await formChecksum(f) }] as const));
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** What differs between the recorded manifest and the shipped forms (none = in sync). */
export function formManifestProblems(recorded: FormManifest, current: FormManifest): FormManifestProblem[] {
  const problems: FormManifestProblem[] = [];
  for (const [id, now] of Object.entries(current)) {
    const was = recorded[id];
    if (!was) {
      problems.push({ id, blocking: false, message: `form ${id} is not in ${FORM_MANIFEST_PATH}; record it with ${UPDATE}` });
    } else if (now.version < was.version) {
      problems.push({ id, blocking: true, message: `form ${id} went back from v${was.version} to v${now.version}; a database holding v${was.version} keeps it, give it v${was.version + 1} or more` });
    } else if (now.version === was.version && now.sha256 !== was.sha256) {
      problems.push({
        id,
        blocking: true,
        message: `form ${id} changed; bump its version (v${now.version} → v${now.version + 1}: \`version\` in its spec under workflows/authoring/forms, then \`npx tsx workflows/authoring/build.ts\`) and update the manifest with ${UPDATE}`,
      });
    } else if (now.version > was.version) {
      problems.push({ id, blocking: false, message: `form ${id} is v${now.version}, ${FORM_MANIFEST_PATH} still says v${was.version}; update it with ${UPDATE}` });
    }
  }
  for (const id of Object.keys(recorded)) {
    if (!current[id]) problems.push({ id, blocking: false, message: `form ${id} is no longer shipped; drop it from ${FORM_MANIFEST_PATH} with ${UPDATE}` });
  }
  return problems;
}

export function writeFormManifest(manifest: FormManifest): void {
  writeFileSync(manifestUrl, `${JSON.stringify(manifest, null, 2)}\n`);
}
