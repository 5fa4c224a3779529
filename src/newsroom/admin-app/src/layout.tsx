/** The signed-in frame: the top bar (brand switcher, user) and the left navigation. */
import { type ReactNode, useState } from 'react';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession, useSignedIn } from './session.tsx';

interface NavItem {
  readonly to: string;
  readonly label: string;
  /** Screens that other capabilities fill in later are listed, marked as coming. */
  readonly coming?: boolean;
}

/** The left navigation, in the newsroom's order of use. Add a capability's screen here. */
export const navigation: readonly (readonly NavItem[])[] = [
  [
    { to: '/articles', label: 'Articles' },
    { to: '/home', label: 'Home page' },
    { to: '/sections', label: 'Sections & tags' },
  ],
  [
    { to: '/comments', label: 'Comments' },
    { to: '/newsletter', label: 'Newsletter' },
    { to: '/wire', label: 'Wire' },
    { to: '/live', label: 'Live TV' },
  ],
  [{ to: '/users', label: 'Users' }],
];

export function RequireSession({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <div className="loading-screen">Loading the newsroom…</div>;
  if (state.status === 'signed-out') {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}${state.expired ? '&expired=1' : ''}`} replace />;
  }
  return children;
}

export function Layout() {
  const { user, sites, siteId, chooseSite, signOut } = useSignedIn();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);

  return (
    <div className="shell">
      <header className="topbar">
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          Menu
        </button>
        <NavLink to="/articles" className="wordmark">
          Dateline
        </NavLink>
        <fieldset className="brand-switcher" aria-label="Brand">
          {sites.map((site) => (
            <button
              key={site.id}
              type="button"
              className={site.id === siteId ? 'brand active' : 'brand'}
              aria-pressed={site.id === siteId}
              onClick={() => chooseSite(site.id)}
            >
              {site.name}
            </button>
          ))}
        </fieldset>
        <div className="user-menu">
          <span className="user-name" title={user.email}>
            {user.name} <span className="role">{user.role}</span>
          </span>
          <button
            type="button"
            className="button ghost small"
            onClick={async () => {
              await signOut();
              navigate('/sign-in?signed-out=1');
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <nav id="main-nav" className={menuOpen ? 'sidebar open' : 'sidebar'} aria-label="Newsroom">
        {navigation.map((group) => (
          <ul key={group[0]!.to}>
            {group.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} onClick={() => setMenuOpen(false)}>
                  {item.label}
                  {item.coming ? <span className="soon">soon</span> : null}
                </NavLink>
              </li>
            ))}
          </ul>
        ))}
      </nav>
      <main className="content" id="main">
        <Outlet />
      </main>
    </div>
  );
}
