import { readFileSync } from 'node:fs';
import pg from 'pg';

/** CPU time (ms) of a process from /proc (utime + stime; 100 ticks per second on Linux). */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/**
 * CPU spent by the server processes and by the PostgreSQL backends serving the bench database
 * between `start()` and `stop()` — a figure the other jobs on the machine do not distort as much
 * as latency does (they take CPU away, but do not add to ours).
 */
export class CpuMeter {
  private server = 0;
  private backends = new Map<number, number>();
  constructor(private readonly client: pg.Client, private readonly database: string, private readonly serverPids: () => number[]) {}

  private async backendPids(): Promise<number[]> {
    const { rows } = await this.client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [this.database]);
    return rows.map((r) => r.pid);
  }

  async start(): Promise<void> {
    this.server = this.serverPids().reduce((s, pid) => s + cpuMs(pid), 0);
    this.backends = new Map((await this.backendPids()).map((pid) => [pid, cpuMs(pid)]));
  }

  async stop(): Promise<{ serverMs: number; postgresMs: number }> {
    const serverMs = this.serverPids().reduce((s, pid) => s + cpuMs(pid), 0) - this.server;
    let postgresMs = 0;
    for (const pid of await this.backendPids()) postgresMs += cpuMs(pid) - (this.backends.get(pid) ?? 0);
    return { serverMs, postgresMs };
  }
}
