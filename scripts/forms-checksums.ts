// `npm run forms:checksums`: rewrites workflows/form-checksums.json (each shipped form's version and the
// sha256 of its content, as the forms registry computes it). Refuses — exit 1, nothing written — while a
// form's content changed at an unchanged version: bump that form's version first.
import { currentFormManifest, FORM_MANIFEST_PATH, formManifestProblems, readFormManifest, writeFormManifest } from '../workflows/index';

const current = await currentFormManifest();
const problems = formManifestProblems(readFormManifest(), current);
const blocking = problems.filter((p) => p.blocking);
if (blocking.length) {
  for (const p of blocking) console.error(p.message);
  console.error(`${FORM_MANIFEST_PATH} not written`);
  process.exitCode = 1;
} else {
  writeFormManifest(current);
  console.log(`wrote ${FORM_MANIFEST_PATH}: ${Object.keys(current).length} forms, ${problems.length} entr${problems.length === 1 ? 'y' : 'ies'} updated`);
  for (const p of problems) console.log(`  ${p.id}`);
}
