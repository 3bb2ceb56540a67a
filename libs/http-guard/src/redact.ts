/** What a redacted secret is replaced with. */
export const REDACTED = 'REDACTED';

/** Words that make a query parameter or header name a secret when they are one of its words. */
const SECRET_WORDS = new Set([
  'key',
  'apikey',
  'token',
  'secret',
  'password',
  'passwd',
  'pass',
  'pwd',
  'auth',
  'authorization',
  'credential',
  'credentials',
  'signature',
  'sig',
  'session',
  'sessionid',
  'jwt',
  'bearer',
  'cookie',
]);
/** Whole names (lowercase, separators dropped) whose ending marks a secret: `accesstoken`, `clientsecret`. */
const SECRET_SUFFIX =
  /(?:apikey|accesskey|secretkey|privatekey|token|secret|password|passwd|signature|credential|sessionid)$/;

/**
 * Whether a query parameter or header name names a secret: one of its words (split on `_`, `-`, `.`, spaces
 * and camel case) is `key`, `token`, `secret`, `password`, `auth`, `signature`, `sig`, `session`, ... or the
 * whole name ends in one (`apikey`, `accesstoken`). `q`, `limit`, `keywords` are not secrets. Pure.
 */
export function isSecretName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  if (words.some((word) => SECRET_WORDS.has(word))) return true;
  return SECRET_SUFFIX.test(words.join(''));
}

function redactParams(params: string): string {
  return params
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals < 0) return pair;
      const name = pair.slice(0, equals);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // A malformed escape: judge the name as written.
      }
      return isSecretName(decoded) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
}

/**
 * A URL fit for events, spans, logs and dead letters: credentials (`user:pass@`) and the values of query (and
 * fragment) parameters with secret names (`api_key`, `apiKey`, `token`, `access_token`, `sig`, `password`...,
 * see `isSecretName`) become `REDACTED`; everything else is kept as written. Text that is not an absolute URL
 * is returned through `redactSecrets`. Never throws. Pure.
 */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return redactText(String(url));
  }
  if (parsed.username !== '') parsed.username = REDACTED;
  if (parsed.password !== '') parsed.password = REDACTED;
  if (parsed.search.length > 1) parsed.search = redactParams(parsed.search.slice(1));
  if (parsed.hash.includes('=')) parsed.hash = redactParams(parsed.hash.slice(1));
  return parsed.href;
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>`]+/gi;
const PARAM_IN_TEXT = /([A-Za-z0-9_.-]+)=([^&\s"'<>`]+)/g;
const AUTH_IN_TEXT =
  /\b((?:proxy-)?authorization|x-api-key|api-key|cookie)(\s*[:=]\s*)(?:(bearer|basic|token|digest)\s+)?([^\s",;&]+)/gi;
const BEARER_IN_TEXT = /\b(bearer)\s+(?!REDACTED\b)[A-Za-z0-9._~+/-]+=*/gi;
const AUTH_SCHEME = /^(?:bearer|basic|token|digest)$/i;
const USERINFO_IN_TEXT = /\b([a-z][a-z0-9+.-]*:\/\/)(?!REDACTED(?::REDACTED)?@)[^/@\s"'<>`]+@/gi;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/;

/**
 * Text fit for events, spans, logs and dead letters: every http(s) URL in it goes through `redactUrl`; then
 * `name=value` pairs with secret names, `Authorization:`/`X-Api-Key:`/`Cookie:` header values and
 * `Bearer <token>` lose their values to `REDACTED`. Never throws. Pure.
 */
export function redactSecrets(text: string): string {
  return redactText(
    text.replace(URL_IN_TEXT, (match) => {
      // Punctuation after a URL in prose ("... fetching https://a/x?sig=1: reset") is not part of it.
      const tail = TRAILING_PUNCTUATION.exec(match)?.[0] ?? '';
      return `${redactUrl(match.slice(0, match.length - tail.length))}${tail}`;
    }),
  );
}

/** The redactions that need no URL parsing: userinfo, header values, bearer tokens, secret `name=value`. */
function redactText(text: string): string {
  return text
    .replace(USERINFO_IN_TEXT, (_match, scheme: string) => `${scheme}${REDACTED}@`)
    .replace(
      AUTH_IN_TEXT,
      (_match, name: string, separator: string, scheme: string | undefined) =>
        `${name}${separator}${scheme === undefined ? '' : `${scheme} `}${REDACTED}`,
    )
    .replace(BEARER_IN_TEXT, (_match, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(PARAM_IN_TEXT, (pair, name: string, value: string) => {
      const tail = TRAILING_PUNCTUATION.exec(value)?.[0] ?? '';
      const bare = value.slice(0, value.length - tail.length);
      if (!isSecretName(name) || bare === REDACTED || AUTH_SCHEME.test(bare)) return pair;
      return `${name}=${REDACTED}${tail}`;
    });
}
