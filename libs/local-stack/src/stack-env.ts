/** What the stack itself runs that every agent process must be told about. */
export interface StackEndpoints {
  readonly natsUrl: string;
  /** The loopback documentation server (`http://127.0.0.1:<port>`) and its port. */
  readonly docsUrl: string;
  readonly docsPort: number;
  /** Where reports go when the user's environment names no file directory: `<stateDir>/reports`. */
  readonly defaultReportsDir: string;
}

/**
 * The environment of every agent process `swarm dev` starts: the user's `env`, with the stack's own NATS, docs
 * server and health endpoints (on loopback, a free port each) over it. Delivery follows the user's own settings:
 * `DELIVERY_SINKS` and `DELIVERY_FILE_DIR` from `env` are kept, and only when unset does the stack deliver to files
 * under `defaultReportsDir`. `agentEnv` (tests, the CLI) goes over all of it. Pure.
 */
export function stackAgentEnv(
  env: Readonly<Record<string, string | undefined>>,
  stack: StackEndpoints,
  agentEnv: Readonly<Record<string, string>> = {},
): Record<string, string | undefined> {
  return {
    ...env,
    NATS_URL: stack.natsUrl,
    HEALTH_PORT: '0',
    HEALTH_HOST: '127.0.0.1',
    SEARCH_DOCS_BASE_URL: stack.docsUrl,
    SCRAPER_ALLOW_HOSTS: `127.0.0.1:${stack.docsPort}`,
    DELIVERY_SINKS: env['DELIVERY_SINKS'] || 'file',
    DELIVERY_FILE_DIR: env['DELIVERY_FILE_DIR'] || stack.defaultReportsDir,
    ...agentEnv,
  };
}
