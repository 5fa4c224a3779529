/**
 * Who is signed in, the brands they work on and the brand chosen in the top bar. A 401 from any
 * API call ends the session here; the router then sends the user to sign in and back.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, setCsrfToken, setUnauthenticatedHandler } from './api.ts';
import type { SiteJson, StaffUserJson } from './types.ts';

type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'signed-out'; readonly expired: boolean }
  | { readonly status: 'signed-in'; readonly user: StaffUserJson; readonly sites: readonly SiteJson[] };

interface SessionValue {
  readonly state: SessionState;
  readonly siteId: number | null;
  readonly site: SiteJson | null;
  chooseSite(id: number): void;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);
const SITE_KEY = 'dateline.admin.site';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [siteId, setSiteId] = useState<number | null>(() => Number(localStorage.getItem(SITE_KEY)) || null);

  const start = useCallback(async (user: StaffUserJson, csrfToken: string) => {
    setCsrfToken(csrfToken);
    const sites = await api.sites();
    setState({ status: 'signed-in', user, sites });
    setSiteId((current) =>
      current && sites.some((s) => s.id === current)
        ? current
        : (sites.find((s) => s.isDefault)?.id ?? sites[0]?.id ?? null),
    );
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      setState({ status: 'signed-out', expired: true });
    });
    api
      .session()
      .then((s) => start(s.user, s.csrfToken))
      .catch(() => setState({ status: 'signed-out', expired: false }));
  }, [start]);

  const value = useMemo<SessionValue>(() => {
    const sites = state.status === 'signed-in' ? state.sites : [];
    return {
      state,
      siteId,
      site: sites.find((s) => s.id === siteId) ?? null,
      chooseSite(id) {
        localStorage.setItem(SITE_KEY, String(id));
        setSiteId(id);
      },
      async signIn(email, password) {
        const session = await api.signIn(email, password);
        await start(session.user, session.csrfToken);
      },
      async signOut() {
        await api.signOut().catch(() => {});
        setCsrfToken(null);
        setState({ status: 'signed-out', expired: false });
      },
    };
  }, [state, siteId, start]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user and brands (only inside the signed-in layout). */
export function useSignedIn() {
  const session = useSession();
  if (session.state.status !== 'signed-in') throw new Error('not signed in');
  return { ...session, user: session.state.user, sites: session.state.sites };
}
