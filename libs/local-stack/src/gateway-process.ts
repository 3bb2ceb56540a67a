import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { collectLines } from './child-output.js';
import { serviceEntry } from './service-entry.js';

/** The gateway's workspace package: its `main` is `services/gateway/dist/main.js`. */
export const GATEWAY_PACKAGE = '@swarm/gateway';

/** How long `spawnGateway` waits for `/readyz` to answer 200 by default. */
export const GATEWAY_READY_TIMEOUT_MS = 30_000;

/** Where the local gateway listens and how it is logged into. */
export interface GatewayEndpoint {
  readonly host: string;
  readonly port: number;
  /** The gateway's static tokens file (`GATEWAY_TOKENS_FILE`). */
  readonly tokensFile: string;
}

/** The gateway running as a process of the dev stack. */
export interface GatewayProcess {
  /** `http://<host>:<port>`: the console at `/`, the API at `/api/v1`, MCP at `/mcp`, A2A at `/a2a`. */
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  readonly lines: string[];
  readonly exited: Promise<number | null>;
  /** Sends `signal` (SIGTERM: it closes its connections and exits) and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Finds the gateway's built entry point, resolving from the working directory. */
export function gatewayEntry(cwd = process.cwd()): string {
  return serviceEntry(GATEWAY_PACKAGE, 'the gateway', cwd);
}

/**
 * The gateway process's environment: the user's `env` (NATS credentials and TLS, OIDC settings, telemetry) with
 * the stack's NATS, the loopback address and port, its public URL and the tokens file over it. Inline tokens
 * (`GATEWAY_TOKENS`) and `GATEWAY_AUTH` are dropped, so the login printed is the one that works. Pure.
 */
export function gatewayEnv(
  env: Readonly<Record<string, string | undefined>>,
  natsUrl: string,
  endpoint: GatewayEndpoint,
): Record<string, string | undefined> {
  const rest = { ...env };
  delete rest['GATEWAY_TOKENS'];
  delete rest['GATEWAY_AUTH'];
  return {
    ...rest,
    NATS_URL: natsUrl,
    GATEWAY_HOST: endpoint.host,
    GATEWAY_PORT: String(endpoint.port),
    GATEWAY_PUBLIC_URL: `http://${endpoint.host}:${endpoint.port}`,
    GATEWAY_TOKENS_FILE: endpoint.tokensFile,
    SWARM_INSTANCE_ID: 'gateway-1',
  };
}

/** The HTTP status of a GET, or undefined when nothing answers. */
async function statusOf(url: string): Promise<number | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return undefined;
  }
}

/**
 * Starts the gateway (`node services/gateway/dist/main.js`) with `env` and resolves once it has logged that it
 * listens on the port and its `/readyz` answers 200 (it is connected to NATS). Throws with its last output when it exits first or is not ready within
 * `readyTimeoutMs`, and then kills it.
 */
export async function spawnGateway(options: {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly natsUrl: string;
  readonly endpoint: GatewayEndpoint;
  readonly onLine?: (line: string) => void;
  readonly readyTimeoutMs?: number;
}): Promise<GatewayProcess> {
  const { host, port } = options.endpoint;
  const child = spawn(process.execPath, [gatewayEntry()], {
    env: gatewayEnv(options.env, options.natsUrl, options.endpoint),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = collectLines(child, options.onLine);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const running = () => child.exitCode === null && child.signalCode === null;
  const url = `http://${host}:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? GATEWAY_READY_TIMEOUT_MS);
  // The port was free when picked, but another process may bind it first: only the gateway's own "listening on"
  // line proves the answering server is this gateway.
  const bound = () => lines.some((line) => line.includes('listening on ') && line.includes(`:${port} `));
  while (!bound() || (await statusOf(`${url}/readyz`)) !== 200) {
    const problem = !running()
      ? `the gateway exited (${child.exitCode ?? child.signalCode}) before it was ready`
      : Date.now() > deadline
        ? `the gateway was not ready at ${url}/readyz within ${options.readyTimeoutMs ?? GATEWAY_READY_TIMEOUT_MS}ms`
        : undefined;
    if (problem) {
      if (running()) child.kill('SIGKILL');
      throw new Error(`${problem}; last output:\n${lines.slice(-15).join('\n')}`);
    }
    await sleep(200);
  }
  return {
    url,
    port,
    child,
    lines,
    exited,
    stop: async (signal = 'SIGTERM') => {
      if (running()) child.kill(signal);
      return exited;
    },
  };
}
