import { useState } from 'preact/hooks';
import { ApiClient } from '../lib/api';
import type { WhoAmI } from '../lib/api-types';
import type { Session } from '../lib/session';

/** Asks for an API token (or an OpenID Connect access token) and checks it with `GET /whoami`. */
export function LoginPage({ onSignedIn }: { readonly onSignedIn: (session: Session) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const value = token.trim();
    if (!value) {
      setError('Paste a token first.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const who = await new ApiClient(value).get<WhoAmI>('/whoami');
      onSignedIn({ token: value, who });
    } catch (e) {
      setError(`The gateway refused this token: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" class="login">
      <h1>Swarm console</h1>
      <p>
        Sign in with an API token or an access token from your identity provider. It stays in this tab only.
      </p>
      <form onSubmit={(e) => void submit(e)} aria-describedby={error ? 'login-error' : undefined}>
        <label for="token">API token</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="off"
          spellcheck={false}
          value={token}
          onInput={(e) => setToken(e.currentTarget.value)}
          aria-invalid={error ? true : undefined}
          required
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {error && (
          <p id="login-error" class="notice notice-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}
