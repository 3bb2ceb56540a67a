import { parse } from 'yaml';

/** A compose service, typed as far as the checks need. */
export interface ComposeService {
  readonly image?: string;
  readonly build?: {
    readonly context?: string;
    readonly dockerfile?: string;
    readonly target?: string;
    readonly args?: Readonly<Record<string, string>>;
  };
  readonly command?: readonly string[];
  readonly environment?: Readonly<Record<string, string>>;
  readonly depends_on?: Readonly<Record<string, { readonly condition?: string }>>;
  readonly healthcheck?: { readonly test?: readonly string[] };
  readonly ports?: readonly string[];
  readonly volumes?: readonly string[];
  readonly profiles?: readonly string[];
  readonly container_name?: string;
  readonly read_only?: boolean;
  readonly tmpfs?: readonly string[];
}

/** A compose file: its services by name. */
export interface ComposeFile {
  readonly services: Readonly<Record<string, ComposeService>>;
}

/**
 * Parses a compose file, resolving YAML anchors and `<<` merge keys as Compose does.
 * Throws on invalid YAML or when there is no `services` map.
 */
export function parseCompose(text: string): ComposeFile {
  const value: unknown = parse(text, { merge: true });
  const services = (value as { services?: unknown } | null)?.services;
  if (typeof services !== 'object' || services === null) throw new Error('the compose file has no services');
  return { services: services as Record<string, ComposeService> };
}

/**
 * Resolves Compose interpolation in a value: `${VAR:-default}`, `${VAR-default}`, `${VAR}`, `$VAR` and `$$`,
 * taking variables from `env` (unset ones resolve to their default, else to an empty string).
 */
export function interpolate(value: string, env: Readonly<Record<string, string | undefined>> = {}): string {
  return value.replace(
    /\$\$|\$\{(\w+)(?:(:?-)([^}]*))?\}|\$(\w+)/g,
    (match, braced?: string, operator?: string, fallback?: string, bare?: string) => {
      if (match === '$$') return '$';
      const set = env[braced ?? bare ?? ''];
      if (operator === ':-') return set === undefined || set === '' ? (fallback ?? '') : set;
      if (operator === '-') return set ?? fallback ?? '';
      return set ?? '';
    },
  );
}

/** The variables a value interpolates (`${NAME...}` and `$NAME`). */
export function interpolatedNames(value: string): string[] {
  return [...value.matchAll(/\$\{(\w+)[^}]*\}|\$(\w+)/g)].map((match) => match[1] ?? match[2] ?? '');
}
