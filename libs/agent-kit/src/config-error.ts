import type { z } from 'zod';

/** A service's configuration failed validation at boot; the message names every bad variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'invalid-config';
  readonly retryable = false;
  constructor(message: string) {
    super(message);
  }
}

/** Parses an env-like record with a zod schema, or throws ConfigError naming each bad variable. */
export function parseEnv<S extends z.ZodType>(
  schema: S,
  env: Readonly<Record<string, string | undefined>>,
): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const detail = result.error.issues
    .map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message.toLowerCase()}`)
    .join('; ');
  throw new ConfigError(`invalid configuration: ${detail}`);
}
