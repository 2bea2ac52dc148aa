/**
 * Regenerates workflows/procedures/*.bpmn and workflows/forms/*.json from the specs in this folder:
 *   npx tsx workflows/authoring/build.ts
 * The generated files are what ships; test/workflows checks they are in sync with the specs.
 */
import { writeFileSync } from 'node:fs';
import { writeBpmn } from './bpmn-writer';
import { buildForm } from './form-dsl';
import { formSpecs, processSpecs } from './registry';
import { withMessagePublish } from './message-expander';
import { withSla } from './sla-expander';

export function generatedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const p of processSpecs) files.set(`procedures/${p.id}.bpmn`, writeBpmn(withMessagePublish(withSla(p))));
  for (const f of formSpecs) files.set(`forms/${f.id}.json`, `${JSON.stringify(buildForm(f), null, 2)}\n`);
  return files;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const root = new URL('../', import.meta.url);
  for (const [path, content] of generatedFiles()) writeFileSync(new URL(path, root), content);
  console.log(`wrote ${generatedFiles().size} files`);
}
