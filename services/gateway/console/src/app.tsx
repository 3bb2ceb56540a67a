import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { ApiClient } from './lib/api';
import type { WhoAmI } from './lib/api-types';
import type { Route } from './lib/route';
import { hrefOf } from './lib/route';
import type { Session } from './lib/session';
import { storedToken, storeToken } from './lib/session';
import { useRoute } from './components/hooks';
import { AgentsPage } from './pages/agents-page';
import { ApprovalsPage } from './pages/approvals-page';
import { BoardPage } from './pages/board-page';
import { DeadLettersPage } from './pages/dead-letters-page';
import { GoalPage } from './pages/goal-page';
import { LoginPage } from './pages/login-page';
import { SubmitPage } from './pages/submit-page';

const NAV: ReadonlyArray<{ readonly route: Route; readonly label: string }> = [
  { route: { page: 'board' }, label: 'Goals' },
  { route: { page: 'submit' }, label: 'Submit' },
  { route: { page: 'approvals' }, label: 'Approvals' },
  { route: { page: 'dead-letters' }, label: 'Dead letters' },
  { route: { page: 'agents' }, label: 'Agents' },
];

/** The console: the login page until a token is accepted, then the pages behind a shared header. */
export function App() {
  const [session, setSession] = useState<Session | undefined>(undefined);
  const [checking, setChecking] = useState(() => storedToken() !== undefined);
  const route = useRoute();
  const signOut = useCallback(() => {
    storeToken(undefined);
    setSession(undefined);
  }, []);
  const api = useMemo(
    () => (session ? new ApiClient(session.token, signOut) : undefined),
    [session, signOut],
  );

  useEffect(() => {
    const token = storedToken();
    if (!token) return;
    new ApiClient(token)
      .get<WhoAmI>('/whoami')
      .then((who) => setSession({ token, who }))
      .catch(() => storeToken(undefined))
      .finally(() => setChecking(false));
  }, []);

  if (checking) return <p class="loading">Checking your sign-in…</p>;
  if (!session || !api)
    return (
      <LoginPage
        onSignedIn={(next) => {
          storeToken(next.token);
          setSession(next);
        }}
      />
    );
  const roles = session.who.roles;
  const current = route.page === 'goal' ? 'board' : route.page;
  return (
    <>
      <a
        class="skip-link"
        href="#main"
        onClick={(event) => {
          // The hash is the route: move the focus without navigating.
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header class="site-header">
        <a class="brand" href="#/">
          Swarm console
        </a>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li key={item.label}>
                <a href={hrefOf(item.route)} aria-current={item.route.page === current ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="who">
          <span>
            Signed in as <strong>{session.who.subject}</strong>
            <span class="roles"> ({roles.join(', ')})</span>
          </span>
          <button type="button" class="link-button" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Page route={route} api={api} roles={roles} />
      </main>
    </>
  );
}

function Page({
  route,
  api,
  roles,
}: {
  readonly route: Route;
  readonly api: ApiClient;
  readonly roles: readonly string[];
}) {
  switch (route.page) {
    case 'board':
      return <BoardPage api={api} />;
    case 'submit':
      return <SubmitPage api={api} roles={roles} />;
    case 'goal':
      return <GoalPage key={route.goalId} api={api} roles={roles} goalId={route.goalId} />;
    case 'approvals':
      return <ApprovalsPage api={api} roles={roles} />;
    case 'dead-letters':
      return <DeadLettersPage api={api} roles={roles} />;
    case 'agents':
      return <AgentsPage api={api} />;
    case 'not-found':
      return (
        <>
          <h1>Page not found</h1>
          <p>
            Nothing lives at <code>{route.path}</code>. <a href="#/">Back to the goals</a>.
          </p>
        </>
      );
  }
}
