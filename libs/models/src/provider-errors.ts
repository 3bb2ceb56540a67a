import { AISDKError, APICallError } from 'ai';
import { MODEL_ERROR_CODES, ModelCallError } from './errors.js';

/** The longest provider message kept in an error (the rest of a provider's body is never kept). */
const MAX_PROVIDER_MESSAGE_CHARS = 500;

/**
 * Milliseconds a `Retry-After` (seconds or an HTTP date) or `retry-after-ms` header asks to wait; undefined when
 * there is none or it cannot be read. Pure for a given `now`.
 */
export function retryAfterMs(
  headers: Readonly<Record<string, string>> | undefined,
  now: number = Date.now(),
): number | undefined {
  if (!headers) return undefined;
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const ms = Number(lower['retry-after-ms']);
  if (lower['retry-after-ms'] !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  const value = lower['retry-after']?.trim();
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1_000 : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A 2xx answer that is not a usable completion (a proxy's page, an empty choice list): retried, it may pass. */
function invalidResponse(model: string, said: string, cause: unknown): ModelCallError {
  return new ModelCallError(
    MODEL_ERROR_CODES.invalidResponse,
    `${model} answered with something that is not a usable completion: ${said}`,
    true,
    undefined,
    { cause },
  );
}

/**
 * Turns whatever a provider call threw into a ModelCallError the transport settles: 429, 408, 409 and 5xx and
 * network failures are retryable (with the provider's `Retry-After`), as are a 2xx answer that is no usable
 * completion and the call's own timeout; an unknown model (404) or a refused key (401/403) is permanent, as is any other 4xx. The message names the model
 * and the status, never the key or the request body.
 */
export function classifyProviderError(
  error: unknown,
  context: { readonly model: string; readonly timedOut: boolean; readonly timeoutMs: number },
): ModelCallError {
  const { model } = context;
  if (context.timedOut) {
    return new ModelCallError(
      MODEL_ERROR_CODES.timeout,
      `${model} did not answer within ${context.timeoutMs}ms (SWARM_MODEL_TIMEOUT_MS)`,
      true,
      undefined,
      { cause: error },
    );
  }
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    const said = error.message.slice(0, MAX_PROVIDER_MESSAGE_CHARS);
    if (status === undefined) {
      return new ModelCallError(
        MODEL_ERROR_CODES.unreachable,
        `${model} is unreachable: ${said}`,
        true,
        undefined,
        {
          cause: error,
        },
      );
    }
    if (status >= 200 && status < 300) return invalidResponse(model, said, error);
    const wait = retryAfterMs(error.responseHeaders);
    if (status === 429)
      return new ModelCallError(
        MODEL_ERROR_CODES.rateLimited,
        `${model} answered 429 (rate limited): ${said}`,
        true,
        wait,
        { cause: error },
      );
    if (status >= 500 || status === 408 || status === 409)
      return new ModelCallError(
        MODEL_ERROR_CODES.unavailable,
        `${model} answered ${status}: ${said}`,
        true,
        wait,
        { cause: error },
      );
    if (status === 404)
      return new ModelCallError(
        MODEL_ERROR_CODES.notFound,
        `${model} is not known to the provider (404): ${said}`,
        false,
        undefined,
        { cause: error },
      );
    if (status === 401 || status === 403)
      return new ModelCallError(
        MODEL_ERROR_CODES.authRefused,
        `${model}: the provider refused the API key (${status}): ${said}`,
        false,
        undefined,
        { cause: error },
      );
    return new ModelCallError(
      MODEL_ERROR_CODES.requestRefused,
      `${model} refused the request (${status}): ${said}`,
      false,
      undefined,
      { cause: error },
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  if (AISDKError.isInstance(error))
    return invalidResponse(model, message.slice(0, MAX_PROVIDER_MESSAGE_CHARS), error);
  return new ModelCallError(
    MODEL_ERROR_CODES.unreachable,
    `${model} call failed: ${message.slice(0, MAX_PROVIDER_MESSAGE_CHARS)}`,
    true,
    undefined,
    { cause: error },
  );
}
