/**
 * Regenerates workflows/procedures/*.bpmn and workflows/forms/*.json from the specs in this folder:
 *   npx tsx workflows/authoring/build.ts
 * The generated files are what ships; test/workflows checks they are in sync with the specs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { writeBpmn } from './bpmn-writer';
import { buildForm } from './form-dsl';
import { formSpecs, processSpecs } from './registry';
import { withMessagePublish } from './message-expander';
import { README_MARKER, readmeTables } from './readme-tables';
import { withSla } from './sla-expander';

export function generatedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const processes = processSpecs.map((p) => withMessagePublish(withSla(p)));
  for (const p of processes) files.set(`procedures/${p.id}.bpmn`, writeBpmn(p));
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  files.set('README.md', `${readme.slice(0, readme.indexOf(README_MARKER) + README_MARKER.length)}\n${readmeTables(processes)}`);
  for (const f of formSpecs) files.set(`forms/${f.id}.json`, `${JSON.stringify(buildForm(f), null, 2)}\n`);
  return files;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const root = new URL('../', import.meta.url);
  for (const [path, content] of generatedFiles()) writeFileSync(new URL(path, root), content);
  console.log(`wrote ${generatedFiles().size} files`);
}
