import { deprecationOf } from './deprecation.js';

describe('deprecationOf', () => {
  const langfuse =
    'NOT the latest Langfuse JS/TS SDK. Deprecated v3 client (new Langfuse(), trace()). For new work: npm ' +
    'install @langfuse/tracing @langfuse/otel.';

  it('reads a declared deprecation and the successor the description names', () => {
    expect(deprecationOf(langfuse, 'langfuse')).toEqual({
      notice: 'NOT the latest Langfuse JS/TS SDK.',
      successor: '@langfuse/tracing',
    });
  });

  it('prefers a successor that is among the known names', () => {
    expect(deprecationOf(langfuse, 'langfuse', ['@langfuse/otel'])?.successor).toBe('@langfuse/otel');
  });

  it.each([
    ['This package is no longer maintained; use `new-client` instead.', 'new-client'],
    ['Deprecated: renamed to @acme/widgets.', '@acme/widgets'],
    ['Superseded by the v2 SDK.', undefined],
    [
      'LEGACY Langfuse v3 integration for Vercel AI SDK (maintenance mode). For new projects use @langfuse/otel',
      '@langfuse/otel',
    ],
    ['A legacy v2 client for the Acme API.', undefined],
  ])('reads %j', (description, successor) => {
    const deprecation = deprecationOf(description, 'old-client');
    expect(deprecation).toBeDefined();
    expect(deprecation?.successor).toBe(successor);
  });

  it('finds nothing in a description that declares nothing', () => {
    expect(deprecationOf('Tracing for LLM apps. Use it with any model.', 'tracer')).toBeUndefined();
  });

  it('does not read a passing mention of legacy systems as a deprecation', () => {
    expect(deprecationOf('Connect agents to legacy systems and modern APIs.', 'bridge')).toBeUndefined();
  });
});
