/**
 * `npm run bench:seed -- --persons 250000` — national-scale data into `BENCH_DATABASE_URL`
 * (default: a new database `qt_bench` on postgres://postgres@127.0.0.1:5432, dropped and recreated).
 * `--keep` seeds into an existing database instead of recreating it.
 */
import { benchDatabaseUrl, flag, recreateDatabase } from './bench-db';
import { seedBench } from './seed-generator';

const persons = Number(flag('persons', '20000'));
if (!Number.isInteger(persons) || persons < 10) throw new Error('--persons must be an integer ≥ 10');
const url = benchDatabaseUrl();
if (!process.argv.includes('--keep')) await recreateDatabase(url);
const say = (line: string) => process.stdout.write(`${line}\n`);
say(`bench:seed ${persons} persons → ${url.replace(/:[^:@/]*@/, ':***@')}`);
const report = await seedBench({ url, persons, progress: true, say });
say(`done in ${report.seconds.toFixed(1)} s from ${report.templates} template trees`);
for (const [name, n] of Object.entries(report.counts)) say(`  ${name.padEnd(14)} ${n.toLocaleString('en-US')}`);
