import { APICallError } from 'ai';
import { NoContentGeneratedError } from '@ai-sdk/provider';
import { MODEL_ERROR_CODES } from './errors.js';
import { classifyProviderError } from './provider-errors.js';
import { retryAfterMs } from './retry-after.js';

const apiError = (statusCode: number | undefined, headers?: Record<string, string>) =>
  new APICallError({
    message: `provider said ${statusCode}`,
    url: 'http://127.0.0.1/v1/chat/completions',
    requestBodyValues: { messages: ['secret prompt'] },
    statusCode,
    responseHeaders: headers,
  });
const context = { model: 'openai:gpt-test', timedOut: false, timeoutMs: 1_000 };

describe('retryAfterMs', () => {
  it('reads seconds, milliseconds and an HTTP date', () => {
    expect(retryAfterMs({ 'Retry-After': '3' })).toBe(3_000);
    expect(retryAfterMs({ 'retry-after-ms': '250' })).toBe(250);
    expect(retryAfterMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:10 GMT' }, Date.UTC(2026, 0, 1))).toBe(
      10_000,
    );
  });

  it('is undefined without a readable header', () => {
    expect(retryAfterMs(undefined)).toBeUndefined();
    expect(retryAfterMs({ 'retry-after': 'soon' })).toBeUndefined();
  });
});

describe('classifyProviderError', () => {
  it('retries a 429 after the provider’s Retry-After', () => {
    const error = classifyProviderError(apiError(429, { 'retry-after': '2' }), context);
    expect(error).toMatchObject({
      code: MODEL_ERROR_CODES.rateLimited,
      retryable: true,
      retryAfterMs: 2_000,
    });
  });

  it('retries 5xx, 408 and an unreachable server', () => {
    expect(classifyProviderError(apiError(503), context)).toMatchObject({
      code: 'model-unavailable',
      retryable: true,
    });
    expect(classifyProviderError(apiError(408), context).retryable).toBe(true);
    expect(classifyProviderError(apiError(undefined), context)).toMatchObject({
      code: 'model-unreachable',
      retryable: true,
    });
    expect(classifyProviderError(new TypeError('fetch failed'), context).retryable).toBe(true);
  });

  it('retries a 2xx answer that is no usable completion (a proxy page, no choices)', () => {
    expect(classifyProviderError(apiError(200), context)).toMatchObject({
      code: 'model-invalid-response',
      retryable: true,
    });
    const empty = new NoContentGeneratedError({ message: 'Response did not contain any choices.' });
    expect(classifyProviderError(empty, context)).toMatchObject({
      code: 'model-invalid-response',
      retryable: true,
    });
  });

  it('retries its own timeout, naming the setting', () => {
    const error = classifyProviderError(new Error('aborted'), { ...context, timedOut: true });
    expect(error).toMatchObject({ code: 'model-timeout', retryable: true });
    expect(error.message).toMatch(/SWARM_MODEL_TIMEOUT_MS/);
  });

  it('gives up on an unknown model, a refused key and other refusals', () => {
    expect(classifyProviderError(apiError(404), context)).toMatchObject({
      code: 'model-not-found',
      retryable: false,
    });
    expect(classifyProviderError(apiError(401), context)).toMatchObject({
      code: 'model-auth-refused',
      retryable: false,
    });
    expect(classifyProviderError(apiError(403), context).retryable).toBe(false);
    expect(classifyProviderError(apiError(400), context)).toMatchObject({
      code: 'model-request-refused',
      retryable: false,
    });
  });

  it('names the model and status but not the request body', () => {
    const error = classifyProviderError(apiError(500), context);
    expect(error.message).toMatch(/openai:gpt-test answered 500/);
    expect(error.message).not.toMatch(/secret prompt/);
  });
});
