import { useSearchParams } from 'react-router-dom';
import type { ReportMessages } from './report-messages';
import type { TargetStatus } from './reports-api';

export function statusText(m: ReportMessages, s: TargetStatus): string {
  return { met: m.met, not_met: m.notMet, no_target: m.noTarget, no_data: m.noData }[s];
}

/** Keeps plan / jurisdiction / period in the URL, so a view can be shared and the back button works. */
export function useWindowParams() {
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? undefined;
  return {
    plan: get('plan'),
    jurisdiction: get('jurisdiction'),
    from: get('from'),
    to: get('to'),
    set(next: Record<string, string | undefined>) {
      const merged = new URLSearchParams(params);
      for (const [k, v] of Object.entries(next)) {
        if (v) merged.set(k, v);
        else merged.delete(k);
      }
      setParams(merged);
    },
    query: params.toString(),
  };
}
