/** A promise's measured figure: what the script prints last and docs/reliability.md records. */
export interface Figure {
  name: string;
  /** e.g. "1000 races, 2–10 clients" */
  scale: string;
  /** the counters that must be 0 (or the stated value) for the promise to hold */
  counters: Record<string, number>;
  /** human-readable violations; empty when the promise holds */
  violations: string[];
}

export function holds(figure: Figure): boolean {
  return figure.violations.length === 0;
}

/** Prints the figure as the last line and sets the exit code (non-zero when the promise is broken). */
export function printFigure(figure: Figure): void {
  for (const v of figure.violations.slice(0, 20)) console.error(`violation: ${v}`);
  const verdict = holds(figure) ? 'PASS' : 'FAIL';
  console.log(`${figure.name} [${figure.scale}] ${verdict} ${JSON.stringify(figure.counters)}`);
  process.exitCode = holds(figure) ? 0 : 1;
}

export function intArg(name: string, fallback: number): number {
  const prefix = `--${name}=`;
  const arg = process.argv.find((a) => a.startsWith(prefix));
  const value = arg ? Number(arg.slice(prefix.length)) : Number(process.env[`R_${name.toUpperCase().replace(/-/g, '_')}`] ?? fallback);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

/** Runs a script's main with a final figure line and exit code; a crash of the script itself exits 2. */
export function runScript(main: () => Promise<Figure>): void {
  main().then(
    (figure) => {
      printFigure(figure);
      setTimeout(() => process.exit(process.exitCode ?? 0), 200).unref();
    },
    (error: unknown) => {
      console.error(error);
      console.log('script failed before measuring its figure');
      process.exit(2);
    },
  );
}
