import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { get, post } from './api/client.ts';
import type { Queues } from './api/types.ts';
import { SignIn } from './auth/SignIn.tsx';
import { useMe } from './auth/session.ts';
import { ErrorNote, Loading } from './components/ui.tsx';
import { CaseDetailPage } from './cases/CaseDetailPage.tsx';
import { CasesPage } from './cases/CasesPage.tsx';
import { HomePage } from './home/HomePage.tsx';
import { Link, match, usePath } from './lib/router.tsx';
import { OrderDetailPage } from './orders/OrderDetailPage.tsx';
import { OrdersPage } from './orders/OrdersPage.tsx';
import { SettingsPage } from './settings/SettingsPage.tsx';
import { SuppliersPage } from './suppliers/SuppliersPage.tsx';

// The charts library is the heaviest part of the bundle: load it with the analytics screen only.
const AnalyticsPage = lazy(() => import('./analytics/AnalyticsPage.tsx').then((m) => ({ default: m.AnalyticsPage })));

const NAV = [
  { to: '/', label: 'Home', section: 'Work' },
  { to: '/cases', label: 'Cases' },
  { to: '/orders', label: 'Orders' },
  { to: '/suppliers', label: 'Suppliers', section: 'Insight' },
  { to: '/analytics', label: 'Analytics' },
  { to: '/settings', label: 'Settings', section: 'Setup' },
];

function page(path: string): ReactNode {
  let params: Record<string, string> | null;
  if (path === '/' || path === '') return <HomePage />;
  if (path === '/orders') return <OrdersPage />;
  if ((params = match('/orders/:id', path))) return <OrderDetailPage id={params.id!} />;
  if (path === '/cases') return <CasesPage />;
  if ((params = match('/cases/:id', path))) return <CaseDetailPage id={params.id!} />;
  if (path === '/analytics') return <Suspense fallback={<Loading what="Loading analytics" />}><AnalyticsPage /></Suspense>;
  if (path === '/suppliers') return <SuppliersPage />;
  if (path === '/settings') return <SettingsPage />;
  return (
    <div className="empty">
      <strong>Nothing here</strong>
      <Link to="/">Back to today’s queues</Link>
    </div>
  );
}

export function StaffApp() {
  const me = useMe();
  const path = usePath();
  const client = useQueryClient();
  const queues = useQuery({ queryKey: ['queues'], queryFn: () => get<Queues>('/api/v1/queues'), enabled: !!me.data });

  if (me.isPending) return <Loading what="Opening Recoup" />;
  if (me.error) return <div className="content"><ErrorNote error={me.error} /></div>;
  if (!me.data) return <SignIn />;

  const signOut = async () => {
    await post('/api/v1/auth/sign-out');
    client.clear();
    await client.refetchQueries();
  };
  const current = (to: string) => (to === '/' ? path === '/' : path === to || path.startsWith(to + '/'));
  const label = me.data.label;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">R</span> Recoup
        </div>
        {NAV.map((item) => (
          <div key={item.to}>
            {item.section && <div className="nav-section">{item.section}</div>}
            <Link to={item.to} className="nav-link" aria-current={current(item.to) ? 'page' : undefined}>
              <span>{item.label}</span>
              {item.to === '/cases' && queues.data ? <span className="nav-count" title="Waiting on you">{queues.data.cases.waitingOnMe}</span> : null}
            </Link>
          </div>
        ))}
        <div className="sidebar-foot">
          <a href="/api/docs" style={{ color: 'inherit' }}>API docs</a> · <a href="/track" style={{ color: 'inherit' }}>Customer page</a>
        </div>
      </nav>
      <div className="main">
        <header className="topbar">
          <span className="muted small">{new Date().toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' })}</span>
          <div className="topbar-user">
            <span className="avatar" aria-hidden="true">{label.slice(0, 2).toUpperCase()}</span>
            <span data-testid="signed-in-user">{label}</span>
            {me.data.role && <span className="badge">{me.data.role}</span>}
            <button type="button" className="small" onClick={signOut}>Sign out</button>
          </div>
        </header>
        <main className="content" id="main">
          {page(path)}
        </main>
      </div>
    </div>
  );
}
