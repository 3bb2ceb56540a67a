/**
 * Whether every subject that `subject` can stand for is matched by `pattern`, by NATS rules: tokens are split on
 * `.`, `*` matches exactly one token and `>` (last token only) matches one or more remaining tokens.
 *
 * `subject` may itself hold wildcards; then the answer is whether `pattern` covers all of them (a stream on
 * `swarm.evt.>` covers the consumer filter `swarm.evt.*.goal.submitted`; a stream on `swarm.evt.*` does not).
 * A concrete subject is simply tested against the pattern. Pure; never throws: an empty token or a `>` that is
 * not last makes the subject or pattern malformed, and a malformed one matches nothing.
 *
 * @example subjectMatches('swarm.evt.>', 'swarm.evt.g1.goal.submitted') // true
 * @example subjectMatches('swarm.evt.*.goal.submitted', 'swarm.evt.g1.task.claimed') // false
 */
export function subjectMatches(pattern: string, subject: string): boolean {
  const patternTokens = tokenize(pattern);
  const subjectTokens = tokenize(subject);
  if (patternTokens === undefined || subjectTokens === undefined) return false;
  for (let i = 0; i < patternTokens.length; i++) {
    const want = patternTokens[i];
    const have = subjectTokens[i];
    if (want === '>') return have !== undefined;
    if (have === undefined || have === '>') return false;
    if (want !== '*' && want !== have) return false;
  }
  return patternTokens.length === subjectTokens.length;
}

/** Splits a subject into tokens, or `undefined` when it is malformed (empty token, `>` not last). */
function tokenize(subject: string): string[] | undefined {
  const tokens = subject.split('.');
  const wellFormed = tokens.every(
    (token, index) => token.length > 0 && (token !== '>' || index === tokens.length - 1),
  );
  return wellFormed ? tokens : undefined;
}

/**
 * The goal id a subject carries: the token of `subject` at the one `*` of `pattern` (a consumer filter such as
 * `swarm.evt.*.goal.submitted`), or `undefined` when the pattern has no single `*`, or the subject does not match
 * it. A reader checks it against the payload's `goalId` (the goal-id rule). Pure.
 *
 * @example goalIdInSubject('swarm.evt.*.goal.submitted', 'swarm.evt.g1.goal.submitted') // 'g1'
 * @example goalIdInSubject('swarm.task.rank', 'swarm.task.rank') // undefined
 */
export function goalIdInSubject(pattern: string, subject: string): string | undefined {
  const patternTokens = tokenize(pattern);
  const wildcard = patternTokens?.indexOf('*') ?? -1;
  if (wildcard < 0 || patternTokens?.lastIndexOf('*') !== wildcard || patternTokens.includes('>'))
    return undefined;
  if (!subjectMatches(pattern, subject) || subject.includes('*') || subject.includes('>')) return undefined;
  return subject.split('.')[wildcard];
}
