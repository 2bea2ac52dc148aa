import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/api-error';
import { setCsrfToken, setUnauthenticatedHandler } from '../api/client';
import { sessionApi, type CaslRule, type SessionInfo, type SessionUser } from '../api/endpoints';

type Status = 'loading' | 'signedIn' | 'signedOut' | 'unreachable';

interface SessionContextValue {
  status: Status;
  user: SessionUser | null;
  rules: CaslRule[];
  error: unknown;
  login(body: { username: string; password: string; totp?: string }): Promise<void>;
  logout(everywhere?: boolean): Promise<void>;
  refresh(): void;
  /** Whether any rule grants `action` on `subject` (conditions are checked by the server). */
  can(action: string, subject: string): boolean;
}

const SessionContext = createContext<SessionContextValue | null>(null);

const asList = (value: string | string[]) => (Array.isArray(value) ? value : [value]);

export function rulesAllow(rules: CaslRule[], action: string, subject: string): boolean {
  return rules.some(
    (r) =>
      !r.inverted &&
      (asList(r.action).includes(action) || asList(r.action).includes('manage')) &&
      (asList(r.subject).includes(subject) || asList(r.subject).includes('all')),
  );
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('loading');
  const [info, setInfo] = useState<SessionInfo | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);

  const accept = useCallback((next: SessionInfo | null) => {
    setInfo(next);
    setCsrfToken(next?.csrfToken ?? null);
    setStatus(next ? 'signedIn' : 'signedOut');
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    sessionApi
      .get(controller.signal)
      .then((value) => accept(value))
      .catch((reason: unknown) => {
        if (controller.signal.aborted) return;
        if (reason instanceof ApiError && reason.status === 401) accept(null);
        else {
          setError(reason);
          setStatus('unreachable');
        }
      });
    return () => controller.abort();
  }, [accept, tick]);

  useEffect(() => {
    setUnauthenticatedHandler(() => accept(null));
    return () => setUnauthenticatedHandler(null);
  }, [accept]);

  const value = useMemo<SessionContextValue>(
    () => ({
      status,
      user: info?.user ?? null,
      rules: info?.rules ?? [],
      error,
      async login(body) {
        accept(await sessionApi.login(body));
      },
      async logout(everywhere = false) {
        try {
          if (everywhere) await sessionApi.logoutAll();
          else await sessionApi.logout();
        } finally {
          accept(null);
        }
      },
      refresh: () => setTick((n) => n + 1),
      can: (action, subject) => rulesAllow(info?.rules ?? [], action, subject),
    }),
    [status, info, error, accept],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}
