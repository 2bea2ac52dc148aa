import os from 'node:os';
import autocannon from 'autocannon';

export interface Req {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  name: string;
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  load1: number;
  /** CPU per request (ms) of the server process(es) and of the PostgreSQL backends, when measured */
  serverCpuMs?: number;
  postgresCpuMs?: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

interface Instance {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  on(event: 'done', listener: () => void): void;
}

/**
 * One autocannon instance per virtual user (one connection each, its own session and request
 * stream), all at once for `seconds`; latencies collected per response (ms). `perUserRate` > 0 paces
 * each user (requests per second, think time in between); 0 = back to back (saturation).
 * `next(user)` gives the user's next request, or null when it has no more work.
 */
export async function runLoad(name: string, baseUrl: string | ((user: number) => string), users: number, seconds: number, next: (user: number) => Req | null, perUserRate = 0): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = Date.now();
  // users whose work runs out idle until the window ends: the rate counts up to the last real answer
  let lastReal = started;
  const runs = Array.from({ length: users }, (_, user) => {
    const first = next(user);
    if (!first) return Promise.resolve();
    let pending: Req | null = first;
    const real: boolean[] = [];
    // Paced users start spread over one interval: autocannon sends a paced user's request at the
    // start of each tick, so users started together would arrive as one burst every second.
    const offset = perUserRate > 0 ? (user / users) * (1000 / perUserRate) : 0;
    return new Promise<void>((resolve) => setTimeout(resolve, offset)).then(() => new Promise<void>((resolve) => {
      const instance = autocannon({
        url: typeof baseUrl === 'string' ? baseUrl : baseUrl(user),
        connections: 1,
        duration: seconds,
        ...(perUserRate > 0 ? { overallRate: perUserRate } : {}),
        requests: [{
          setupRequest: (req: Record<string, unknown>) => {
            const r = pending ?? next(user);
            pending = null;
            real.push(Boolean(r));
            if (!r) return { ...req, method: 'GET', path: '/health', headers: {} };
            return { ...req, method: r.method, path: r.path, headers: { ...r.headers, ...(r.body ? { 'content-type': 'application/json' } : {}) }, body: r.body };
          },
        }],
      } as never, () => resolve()) as unknown as Instance;
      instance.on('response', (_client, status, _bytes, ms) => {
        if (!real.shift()) return; // a user without work left idles on /health: not counted
        latencies.push(ms);
        lastReal = Date.now();
        if (status >= 400) errors++;
      });
    }));
  });
  await Promise.all(runs);
  const elapsed = Math.max(0.001, (lastReal - started) / 1000);
  const sorted = latencies.sort((a, b) => a - b);
  return {
    name, requests: sorted.length, errors, perSecond: sorted.length / elapsed,
    p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), load1: os.loadavg()[0],
  };
}
