import { readFileSync } from 'node:fs';

const dir = new URL('./record-types/', import.meta.url);
const load = (file: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Record<string, unknown>;

/** JSON Schemas (draft-07) of the record types: person (đối tượng) and case. */
export function loadRecordTypes(): { person: Record<string, unknown>; case: Record<string, unknown> } {
  return { person: load('person.schema.json'), case: load('case.schema.json') };
}
