import { AISDKError, APICallError } from 'ai';
import { MODEL_ERROR_CODES, ModelCallError } from './errors.js';
import { retryAfterMs } from './retry-after.js';

/** The longest provider message kept in an error (the rest of a provider's body is never kept). */
const MAX_PROVIDER_MESSAGE_CHARS = 500;

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
