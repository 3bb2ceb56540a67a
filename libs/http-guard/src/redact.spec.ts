import { isSecretName, redactSecrets, redactUrl } from './redact.js';

describe('isSecretName', () => {
  it.each([
    'api_key',
    'apiKey',
    'API-KEY',
    'apikey',
    'key',
    'token',
    'access_token',
    'accessToken',
    'client_secret',
  ])('counts %s as a secret', (name) => expect(isSecretName(name)).toBe(true));

  it.each(['password', 'pwd', 'sig', 'X-Amz-Signature', 'X-Amz-Credential', 'auth', 'session_id', 'jwt'])(
    'counts %s as a secret',
    (name) => expect(isSecretName(name)).toBe(true),
  );

  it.each(['q', 'limit', 'keywords', 'page', 'lang', 'monkey', 'tokenizer', 'format'])(
    'leaves %s alone',
    (name) => expect(isSecretName(name)).toBe(false),
  );
});

describe('redactUrl', () => {
  it('redacts the values of secret query parameters and keeps the rest as written', () => {
    expect(redactUrl('https://feeds.example.test/rss?api_key=SECRET&q=agents&token=T0K')).toBe(
      'https://feeds.example.test/rss?api_key=REDACTED&q=agents&token=REDACTED',
    );
    expect(redactUrl(new URL('https://a.example/search?key=abc&limit=5'))).toBe(
      'https://a.example/search?key=REDACTED&limit=5',
    );
  });

  it('redacts credentials in the userinfo', () => {
    expect(redactUrl('https://user:hunter2@a.example/feed.xml')).toBe(
      'https://REDACTED:REDACTED@a.example/feed.xml',
    );
    expect(redactUrl('https://only-user@a.example/')).toBe('https://REDACTED@a.example/');
  });

  it('redacts secret parameters in the fragment, as OAuth implicit flows put them there', () => {
    expect(redactUrl('https://a.example/cb#access_token=abc&state=1')).toBe(
      'https://a.example/cb#access_token=REDACTED&state=1',
    );
  });

  it('decodes an escaped parameter name before judging it', () => {
    expect(redactUrl('https://a.example/?api%5Fkey=SECRET')).toBe('https://a.example/?api%5Fkey=REDACTED');
  });

  it('leaves a url without secrets unchanged', () => {
    expect(redactUrl('http://127.0.0.1:4815/packages/ai.html?q=x')).toBe(
      'http://127.0.0.1:4815/packages/ai.html?q=x',
    );
  });

  it('redacts text that is not a url instead of throwing', () => {
    expect(redactUrl('not a url ?token=SECRET')).toBe('not a url ?token=REDACTED');
    expect(redactUrl('http://u:SECRET@[::1')).toBe('http://REDACTED@[::1');
    expect(redactSecrets('moved to http://[::1?key=SECRET')).toBe('moved to http://[::1?key=REDACTED');
  });
});

describe('redactSecrets', () => {
  it('redacts every url in a message', () => {
    const text =
      'source feed:https://u:p@a.example/rss?apikey=S1 failed: could not fetch https://b.example/x?sig=S2: ECONNRESET';
    const redacted = redactSecrets(text);
    expect(redacted).toBe(
      'source feed:https://REDACTED:REDACTED@a.example/rss?apikey=REDACTED failed: could not fetch ' +
        'https://b.example/x?sig=REDACTED: ECONNRESET',
    );
  });

  it('redacts secret name=value pairs outside urls', () => {
    expect(redactSecrets('sent /api?q=agents&api_key=S3 and password=S4')).toBe(
      'sent /api?q=agents&api_key=REDACTED and password=REDACTED',
    );
  });

  it('redacts authorization header values and bearer tokens', () => {
    expect(redactSecrets('Authorization: Bearer abc.def.ghi')).toBe('Authorization: Bearer REDACTED');
    expect(redactSecrets('authorization=Basic dXNlcjpwYXNz')).toBe('authorization=Basic REDACTED');
    expect(redactSecrets('X-Api-Key: 123456')).toBe('X-Api-Key: REDACTED');
    expect(redactSecrets('got bearer eyJhbGciOi.x.y back')).toBe('got bearer REDACTED back');
  });

  it('leaves ordinary text alone', () => {
    const text = 'search source corpus answered with 3 hits for "agent framework" (limit=10)';
    expect(redactSecrets(text)).toBe(text);
  });
});
