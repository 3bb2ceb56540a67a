import type { ModelFailure } from '@swarm/contracts';

/** Stable codes of the errors the model layer raises. */
export const MODEL_ERROR_CODES = {
  invalidConfig: 'invalid-config',
  invalidOutput: 'invalid-model-output',
  rateLimited: 'model-rate-limited',
  unavailable: 'model-unavailable',
  timeout: 'model-timeout',
  unreachable: 'model-unreachable',
  invalidResponse: 'model-invalid-response',
  notFound: 'model-not-found',
  authRefused: 'model-auth-refused',
  requestRefused: 'model-request-refused',
} as const;
/** A stable model error code. */
export type ModelErrorCode = (typeof MODEL_ERROR_CODES)[keyof typeof MODEL_ERROR_CODES];

/** A model setting failed validation at boot; the message names every bad variable. */
export class ModelConfigError extends Error {
  override readonly name = 'ModelConfigError';
  readonly code = MODEL_ERROR_CODES.invalidConfig;
  readonly retryable = false;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * A call to the model provider failed. `retryable` errors (429, 5xx, timeouts, an unreachable server) are
 * retried by the transport with backoff, never sooner than `retryAfterMs` (the provider's `Retry-After`);
 * the others (an unknown model, a refused key, a refused request) dead-letter at once.
 */
export class ModelCallError extends Error {
  override readonly name = 'ModelCallError';
  constructor(
    readonly code: ModelErrorCode,
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * The model's output still failed its schema or the brain's rules after every allowed correction. Permanent:
 * the task is dead-lettered with reason `invalid-model-output`, and `model` keeps what the model said and why
 * it was refused (a replay after the model or prompt is fixed tries again).
 */
export class ModelOutputError extends Error {
  override readonly name = 'ModelOutputError';
  readonly code = MODEL_ERROR_CODES.invalidOutput;
  readonly retryable = false;
  constructor(readonly model: ModelFailure) {
    super(
      `${model.model} gave no valid output for ${model.promptVersion} after ${model.errors.length > 0 ? 'its corrections' : 'every try'}: ${model.errors.slice(0, 3).join('; ')}`.slice(
        0,
        4_000,
      ),
    );
  }
}
