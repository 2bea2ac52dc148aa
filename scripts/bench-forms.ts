/**
 * Forms benchmark: validations per second of the largest form (workflows/forms/*.json and the
 * forms test fixtures), compiled once (cache per form id + version), through
 *  - the full server pipeline `validateFormData` (NFC + pollution guard + x-computed + closed schema),
 *  - the same with the FEEL memo off (every x-computed expression parsed and evaluated: worst case),
 *  - the same with the form parsed from JSON on every call (as loaded from the database per request),
 *  - the compiled closed-schema validator alone.
 * Usage: npm run bench:forms [-- --seconds 3]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  applyComputed,
  compileForm,
  computedFieldPaths,
  setComputedCacheSize,
  validateFormData,
  type FormDefinition,
} from '../forms/index';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 2;

function load(dir: URL): FormDefinition[] {
  const path = fileURLToPath(dir);
  if (!existsSync(path)) return [];
  return readdirSync(path)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as FormDefinition)
    .filter((f) => (f.examples?.valid?.length ?? 0) > 0);
}

const shipped = load(new URL('../workflows/forms/', import.meta.url));
const fixtures = load(new URL('../test/forms/fixtures/', import.meta.url));
const size = (f: FormDefinition) => JSON.stringify(f.schema).length;
const largest = (list: FormDefinition[]) => list.reduce((a, b) => (size(b) > size(a) ? b : a));

function measure(label: string, run: () => boolean): number {
  for (let i = 0; i < 1_000; i += 1) if (!run()) throw new Error(`${label}: example invalid`);
  let count = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(seconds * 1e9);
  while (process.hrtime.bigint() - start < budget) {
    for (let i = 0; i < 100; i += 1) run();
    count += 100;
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  const rate = Math.round(count / elapsed);
  console.log(`  ${label.padEnd(52)} ${rate.toLocaleString('en-US').padStart(10)} validations/s`);
  return rate;
}

function bench(title: string, form: FormDefinition): void {
  const example = form.examples?.valid?.[0] ?? {};
  const fields = Object.keys((form.schema.properties as object | undefined) ?? {}).length;
  const computed = computedFieldPaths(form.schema).length;
  const compileStart = process.hrtime.bigint();
  const validate = compileForm(form, 'submit');
  const compileMs = Number(process.hrtime.bigint() - compileStart) / 1e6;
  const prepared = applyComputed(form.schema, example);
  console.log(
    `${title}: ${form.id} v${form.version} — ${fields} top-level fields, ${computed} x-computed, schema ${size(form)} bytes, compiled once in ${compileMs.toFixed(1)} ms`,
  );
  if (computed > 0) {
    setComputedCacheSize(0);
    measure('validateFormData, FEEL memo off (cold)', () => validateFormData(form, example).valid);
    setComputedCacheSize(2_000);
  }
  measure('validateFormData (full server pipeline)', () => validateFormData(form, example).valid);
  const rows = Array.from({ length: 50 }, () => JSON.stringify(form));
  let next = 0;
  measure('validateFormData, form re-read from JSON each time', () => {
    next = (next + 1) % rows.length;
    return validateFormData(JSON.parse(rows[next]) as FormDefinition, example).valid;
  });
  measure('compiled closed schema only (ajv)', () => validate(prepared) === true);
}

console.log(`forms benchmark — node ${process.version}, ${seconds}s per figure`);
const all = [...shipped, ...fixtures];
if (all.length === 0) throw new Error('no forms with examples found');
bench('largest form', largest(all));
if (shipped.length > 0 && largest(shipped) !== largest(all)) bench('largest shipped form', largest(shipped));
