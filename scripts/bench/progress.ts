/** A one-line progress bar on stderr (redrawn in place on a TTY, one line per step otherwise). */
export class Progress {
  private done = 0;
  private readonly started = Date.now();
  constructor(private readonly total: number, private readonly out: NodeJS.WriteStream = process.stderr) {}

  tick(label: string, amount = 1): void {
    this.done = Math.min(this.total, this.done + amount);
    const width = 30;
    const filled = Math.round((this.done / this.total) * width);
    const pct = ((this.done / this.total) * 100).toFixed(0).padStart(3);
    const secs = ((Date.now() - this.started) / 1000).toFixed(0);
    const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${pct}% ${secs}s ${label}`;
    if (this.out.isTTY) this.out.write(`\r${line.padEnd(110).slice(0, 110)}`);
    else if (this.done === this.total || this.done % Math.max(1, Math.floor(this.total / 20)) === 0) this.out.write(`${line}\n`);
  }

  end(): void {
    if (this.out.isTTY) this.out.write('\n');
  }
}
