import type { GoalBudget } from '@swarm/contracts';
import { BUDGET_POLICIES, GoalBudget as GoalBudgetSchema } from '@swarm/contracts';
import { CliError, EXIT_CODES } from '../errors.js';

/** The names `--budget` takes and the budget field each sets. */
const FIELDS = { cost: 'costUsd', tokens: 'tokens', calls: 'modelCalls', deadline: 'deadlineMs' } as const;

const DURATION_UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

function usage(spec: string, why: string): CliError {
  return new CliError(
    `bad --budget "${spec}": ${why}; e.g. cost=0.50,tokens=200000,calls=20,deadline=10m,on-exhausted=pause`,
    EXIT_CODES.usage,
  );
}

/** `10m`, `90s`, `1h`, `500ms` or plain milliseconds, as milliseconds; undefined when it is none of these. */
function durationMs(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text);
  if (!match?.[1]) return undefined;
  return Math.round(Number(match[1]) * (DURATION_UNITS[match[2] ?? 'ms'] ?? 1));
}

/**
 * Parses `--budget cost=0.50,tokens=200000,calls=20,deadline=10m,on-exhausted=pause` into a goal budget. With
 * `forAddition` only the amounts are allowed (no policy), as `swarm budget --add` takes them. Pure. Throws
 * CliError (usage) naming the bad part.
 */
export function parseBudget(spec: string, forAddition = false): GoalBudget {
  const budget: Record<string, unknown> = {};
  for (const part of spec.split(',').filter((p) => p.trim() !== '')) {
    const [rawName, rawValue, ...rest] = part.split('=').map((s) => s.trim());
    if (!rawName || rawValue === undefined || rawValue === '' || rest.length > 0)
      throw usage(spec, `"${part}" is not name=value`);
    if (rawName === 'on-exhausted' && !forAddition) {
      if (!(BUDGET_POLICIES as readonly string[]).includes(rawValue))
        throw usage(spec, `on-exhausted is one of ${BUDGET_POLICIES.join(', ')}`);
      budget['onExhausted'] = rawValue;
      continue;
    }
    const field = (FIELDS as Readonly<Record<string, string>>)[rawName];
    if (!field)
      throw usage(spec, `unknown name "${rawName}"; the names are ${Object.keys(FIELDS).join(', ')}`);
    const value = field === 'deadlineMs' ? durationMs(rawValue) : Number(rawValue);
    if (value === undefined || !Number.isFinite(value) || value < 0)
      throw usage(
        spec,
        `"${rawValue}" is not a ${field === 'deadlineMs' ? 'duration' : 'number'} for ${rawName}`,
      );
    budget[field] = value;
  }
  if (Object.keys(budget).length === 0) throw usage(spec, 'it names nothing');
  const parsed = GoalBudgetSchema.safeParse(budget);
  if (!parsed.success)
    throw usage(spec, parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; '));
  return parsed.data;
}
