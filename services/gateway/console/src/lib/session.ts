import type { WhoAmI } from './api-types';

/** Where the bearer token is kept: sessionStorage, so it dies with the tab and is never sent as a cookie. */
export const TOKEN_KEY = 'swarm-console.token';

/** Who is signed in: their token and what `GET /whoami` said about it. */
export interface Session {
  readonly token: string;
  readonly who: WhoAmI;
}

/** The token kept for this tab, if any. */
export function storedToken(): string | undefined {
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

/** Keeps (or, with undefined, forgets) the token for this tab. */
export function storeToken(token: string | undefined): void {
  if (token === undefined) sessionStorage.removeItem(TOKEN_KEY);
  else sessionStorage.setItem(TOKEN_KEY, token);
}
