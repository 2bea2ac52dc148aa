import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export interface QueryState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Runs the query again (e.g. after a claim or a retry). */
  reload(): void;
  /** Replaces the data locally (optimistic updates). */
  setData(next: T | undefined): void;
}

/**
 * Runs `load` when the dependencies change, aborting the previous request; keeps the last data
 * while a reload is in flight so lists do not flicker.
 */
export function useQuery<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList, options: { enabled?: boolean } = {}): QueryState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(options.enabled !== false);
  const [tick, setTick] = useState(0);
  const loader = useRef(load);
  loader.current = load;
  const enabled = options.enabled !== false;

  useEffect(() => {
    if (!enabled) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    loader
      .current(controller.signal)
      .then((value) => {
        if (!controller.signal.aborted) {
          setData(value);
          setLoading(false);
        }
      })
      .catch((reason: unknown) => {
        if (controller.signal.aborted) return;
        setError(reason);
        setLoading(false);
      });
    return () => controller.abort();
  }, [...deps, tick, enabled]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}

/** A state-changing call with busy + error state (buttons). */
export function useAction<A extends unknown[], R>(run: (...args: A) => Promise<R>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const runner = useRef(run);
  runner.current = run;
  const execute = useCallback(async (...args: A): Promise<{ ok: true; value: R } | { ok: false; error: unknown }> => {
    setBusy(true);
    setError(null);
    try {
      return { ok: true, value: await runner.current(...args) };
    } catch (reason) {
      setError(reason);
      return { ok: false, error: reason };
    } finally {
      setBusy(false);
    }
  }, []);
  return { execute, busy, error, setError };
}
