import type { z } from 'zod';

/** Why a payload was refused: not JSON, or JSON that fails its schema. */
export type PayloadProblem =
  | { readonly kind: 'not-json'; readonly message: string }
  | { readonly kind: 'invalid'; readonly message: string; readonly issues: readonly z.core.$ZodIssue[] };

/** The result of decoding a payload: the typed value, or the problem with it. */
export type Decoded<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: PayloadProblem };

/** Renders zod issues as one line a human can act on: `goal.topN: too small: expected number to be >=1`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map(
      (issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message.toLowerCase()}`,
    )
    .join('; ');
}

/** Decodes UTF-8 JSON bytes and validates them against `schema`. Never throws. */
export function decodePayload<S extends z.ZodType>(schema: S, bytes: Uint8Array): Decoded<z.output<S>> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { kind: 'not-json', message: `payload is not utf-8 json: ${detail}` } };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    return {
      ok: false,
      problem: { kind: 'invalid', message: `payload fails its schema: ${describeIssues(issues)}`, issues },
    };
  }
  return { ok: true, value: parsed.data };
}
