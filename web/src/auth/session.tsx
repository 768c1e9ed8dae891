import { QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { api, ApiProblem, read, setCsrfToken } from '../api/client';

export interface SessionUser {
  id: string;
  email: string;
  role: string;
  authorityId?: string;
}

interface SessionState {
  user: SessionUser | null;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

interface SessionBody {
  user: SessionUser;
  csrfToken: string;
  expiresAt: string;
}

const SessionContext = createContext<SessionState | null>(null);

/** Another person may sign in next in this tab: nothing read for the previous one stays in the cache. */
function forgetData(qc: QueryClient) {
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
}
const SESSION_KEY = ['session'];

/** The current cookie session, asked of the API once per page load (the cookie itself is invisible to scripts). */
async function currentSession(): Promise<SessionBody | null> {
  try {
    const s = await read<SessionBody>(api.GET('/api/v1/auth/session'));
    setCsrfToken(s.csrfToken);
    return s;
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 401) return null;
    throw e;
  }
}

export function SessionProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const qc = useQueryClient();
  const session = useQuery({ queryKey: SESSION_KEY, queryFn: currentSession, staleTime: Infinity, retry: false });

  const signIn = useCallback(
    async (email: string, password: string) => {
      const s = await read<SessionBody>(api.POST('/api/v1/auth/session', { body: { email, password } }));
      setCsrfToken(s.csrfToken);
      forgetData(qc);
      qc.setQueryData(SESSION_KEY, s);
    },
    [qc],
  );
  const signOut = useCallback(async () => {
    await read(api.DELETE('/api/v1/auth/session')).catch(() => undefined);
    setCsrfToken(null);
    forgetData(qc);
    qc.setQueryData(SESSION_KEY, null);
  }, [qc]);

  const value = useMemo(() => ({ user: session.data?.user ?? null, signIn, signOut }), [session.data, signIn, signOut]);
  if (session.isPending) return <>{fallback}</>;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The signed-in user (inside the routes that require one). */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a session');
  return user;
}
