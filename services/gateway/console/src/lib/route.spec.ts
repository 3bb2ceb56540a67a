import type { Route } from './route';
import { hrefOf, parseRoute } from './route';

describe('parseRoute', () => {
  it.each<[string, Route]>([
    ['', { page: 'board' }],
    ['#/', { page: 'board' }],
    ['#/submit', { page: 'submit' }],
    ['#/approvals/', { page: 'approvals' }],
    ['#/dead-letters', { page: 'dead-letters' }],
    ['#/agents', { page: 'agents' }],
    ['#/goals/g-1%2Fx', { page: 'goal', goalId: 'g-1/x' }],
    ['#/goals/%E0%A4%A', { page: 'not-found', path: '/goals/%E0%A4%A' }],
    ['#/nope', { page: 'not-found', path: '/nope' }],
  ])('reads %s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('reads back every href it writes', () => {
    const routes: Route[] = [{ page: 'board' }, { page: 'goal', goalId: 'a b/c' }, { page: 'agents' }];
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route);
  });
});
