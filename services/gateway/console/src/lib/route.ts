/** The console's pages, addressed by the URL's hash (`#/goals/<id>`), so the gateway serves one static file. */
export type Route =
  | { readonly page: 'board' }
  | { readonly page: 'submit' }
  | { readonly page: 'goal'; readonly goalId: string }
  | { readonly page: 'approvals' }
  | { readonly page: 'dead-letters' }
  | { readonly page: 'agents' }
  | { readonly page: 'not-found'; readonly path: string };

/** Reads a route from `location.hash` (`''`, `#/`, `#/submit`, `#/goals/<id>`, ...). Pure. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/goals') return { page: 'board' };
  if (path === '/submit') return { page: 'submit' };
  if (path === '/approvals') return { page: 'approvals' };
  if (path === '/dead-letters') return { page: 'dead-letters' };
  if (path === '/agents') return { page: 'agents' };
  const goal = /^\/goals\/([^/]+)$/.exec(path);
  if (goal?.[1]) {
    try {
      return { page: 'goal', goalId: decodeURIComponent(goal[1]) };
    } catch {
      return { page: 'not-found', path };
    }
  }
  return { page: 'not-found', path };
}

/** The hash that shows a route. Pure. */
export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'board':
      return '#/';
    case 'goal':
      return `#/goals/${encodeURIComponent(route.goalId)}`;
    case 'not-found':
      return `#${route.path}`;
    default:
      return `#/${route.page}`;
  }
}
