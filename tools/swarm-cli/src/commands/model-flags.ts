import type { AgentEnvByKind, AgentKind } from '@swarm/local-stack';
import { AGENT_PACKAGES } from '@swarm/local-stack';
import { ModelConfigError, parseModelSettings, parseModelSpec } from '@swarm/models';
import { CliError, EXIT_CODES } from '../errors.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The model each agent kind was given with `--model`: `builtin` or `<provider>:<model>`. A kind left out keeps
 * what its environment says (`SWARM_MODEL`, else builtin).
 */
export type AgentModelFlags = Readonly<Partial<Record<AgentKind, string>>>;

/** The model every agent kind runs with: `builtin` or `<provider>:<model>`. */
export type AgentModels = Readonly<Record<AgentKind, string>>;

const AGENT_KINDS = Object.keys(AGENT_PACKAGES) as AgentKind[];
const BUILTIN = 'builtin';

const usageError = (message: string) => new CliError(message, EXIT_CODES.usage);

const isAgentKind = (name: string): name is AgentKind => (AGENT_KINDS as string[]).includes(name);

/** A model spec in its canonical form (`builtin` or `<provider>:<model>`), or a usage error naming the flag. */
function canonicalSpec(spec: string, flag: string): string {
  const parsed = parseModelSpec(spec);
  if (typeof parsed === 'string') throw usageError(`bad --model "${flag}": ${parsed}`);
  return parsed.provider === 'builtin' ? BUILTIN : `${parsed.provider}:${parsed.modelName}`;
}

/**
 * Parses `--model` options (repeatable, or comma-separated): `<provider:model>` (or `builtin`) sets every
 * agent's model, `<agent>=<provider:model>` one agent's, which wins over the former whatever the order, e.g.
 * `--model openai-compatible:llama3.1 --model scraper=builtin`. An `=` before the first `:` names an agent.
 * No options: an empty result (every agent keeps its environment's model). Pure.
 * @throws CliError (exit 2) naming the bad option: an unknown agent or provider, a spec without a model name,
 *   or two different models for one agent (or for all).
 */
export function parseModelFlags(specs: readonly string[]): AgentModelFlags {
  let every: string | undefined;
  const own: Partial<Record<AgentKind, string>> = {};
  const flags = specs
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const flag of flags) {
    const equals = flag.indexOf('=');
    const colon = flag.indexOf(':');
    if (equals >= 0 && (colon < 0 || equals < colon)) {
      const kind = flag.slice(0, equals).trim();
      if (!isAgentKind(kind))
        throw usageError(
          `bad --model "${flag}": unknown agent "${kind}"; use <agent>=<provider:model> with agent one of ${AGENT_KINDS.join(', ')}`,
        );
      const spec = canonicalSpec(flag.slice(equals + 1).trim(), flag);
      const earlier = own[kind];
      if (earlier !== undefined && earlier !== spec)
        throw usageError(`--model gives ${kind} two models: ${earlier} and ${spec}`);
      own[kind] = spec;
    } else {
      const spec = canonicalSpec(flag, flag);
      if (every !== undefined && every !== spec)
        throw usageError(
          `--model gives every agent two models: ${every} and ${spec} (use <agent>=<provider:model> for one agent)`,
        );
      every = spec;
    }
  }
  return Object.fromEntries(
    AGENT_KINDS.flatMap((kind) => {
      const spec = own[kind] ?? every;
      return spec === undefined ? [] : [[kind, spec]];
    }),
  );
}

/** The model each agent runs with: its `--model`, else the environment's `SWARM_MODEL`, else builtin. Pure. */
export function agentModels(flags: AgentModelFlags, env: Env): AgentModels {
  const fromEnv = env['SWARM_MODEL']?.trim() || BUILTIN;
  return Object.fromEntries(AGENT_KINDS.map((kind) => [kind, flags[kind] ?? fromEnv])) as Record<
    AgentKind,
    string
  >;
}

/** The per-kind environment that carries the `--model` choices to the agent processes (`SWARM_MODEL`). Pure. */
export function modelEnvByKind(flags: AgentModelFlags): AgentEnvByKind {
  return Object.fromEntries(Object.entries(flags).map(([kind, spec]) => [kind, { SWARM_MODEL: spec }]));
}

/** True when every agent runs its builtin brain (no model, no key, no network). Pure. */
export function allBuiltin(models: AgentModels): boolean {
  return AGENT_KINDS.every((kind) => models[kind] === BUILTIN);
}

/**
 * Checks, before anything starts, that each model given with `--model` can be used with the environment's
 * `SWARM_MODEL_*` settings (a base URL for openai-compatible, a key for openai and anthropic), as the agents
 * would check it at boot. Reads a key file when one is named.
 * @throws CliError (exit 2) with the model layer's message, which never holds a key.
 */
export function checkModelFlags(
  flags: AgentModelFlags,
  env: Env,
  readSecret?: (path: string) => string,
): void {
  for (const spec of new Set(Object.values(flags))) {
    if (spec === BUILTIN) continue;
    try {
      parseModelSettings({ ...env, SWARM_MODEL: spec }, readSecret);
    } catch (error) {
      if (error instanceof ModelConfigError)
        throw new CliError(`--model ${spec}: ${error.message}`, EXIT_CODES.usage, { cause: error });
      throw error;
    }
  }
}
