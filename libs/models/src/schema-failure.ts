import { JSONParseError, TypeValidationError } from 'ai';

/** Longest description of a schema failure sent back to the model. */
const MAX_CHARS = 1_000;

/**
 * What was wrong with an output that did not parse or did not match the schema, in words a model can act on:
 * the JSON error, or each failing path with its problem. Pure.
 */
export function describeSchemaFailure(cause: unknown): string {
  if (JSONParseError.isInstance(cause)) return 'the answer is not valid JSON'.slice(0, MAX_CHARS);
  if (TypeValidationError.isInstance(cause)) {
    const issues = (cause.cause as { issues?: { path?: PropertyKey[]; message?: string }[] } | undefined)
      ?.issues;
    if (Array.isArray(issues) && issues.length > 0) {
      return `the answer does not match the schema: ${issues
        .slice(0, 10)
        .map(
          (issue) => `${(issue.path ?? []).map(String).join('.') || '(root)'}: ${issue.message ?? 'invalid'}`,
        )
        .join('; ')}`.slice(0, MAX_CHARS);
    }
    return `the answer does not match the schema: ${cause.message}`.slice(0, MAX_CHARS);
  }
  const message = cause instanceof Error ? cause.message : 'no JSON object in the answer';
  return `the answer is not the requested JSON object: ${message}`.slice(0, MAX_CHARS);
}
