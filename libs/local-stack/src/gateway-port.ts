import { StackConfigError } from './errors.js';
import { freePort, isPortFree } from './ports.js';

/** The port the local gateway prefers, as in every other deployment. */
export const DEFAULT_GATEWAY_PORT = 8080;

/** The port the local gateway gets, and whether the default was taken so another one was picked. */
export interface GatewayPort {
  readonly port: number;
  /** True when the preferred port was taken and a free port was picked instead. */
  readonly fellBack: boolean;
}

/**
 * Picks the local gateway's port on `host`: the `requested` one (0: any free port), else `preferred`
 * (`DEFAULT_GATEWAY_PORT`), else (taken) a free port. Throws `StackConfigError` when a port asked for is taken
 * or is no TCP port, so `swarm dev` fails before it starts anything.
 */
export async function pickGatewayPort(
  host: string,
  requested?: number,
  preferred = DEFAULT_GATEWAY_PORT,
): Promise<GatewayPort> {
  if (requested === undefined) {
    if (await isPortFree(host, preferred)) return { port: preferred, fellBack: false };
    return { port: await freePort(host), fellBack: true };
  }
  if (!Number.isInteger(requested) || requested < 0 || requested > 65_535)
    throw new StackConfigError(`gateway port must be an integer from 0 to 65535, got ${requested}`);
  if (requested === 0) return { port: await freePort(host), fellBack: false };
  if (!(await isPortFree(host, requested)))
    throw new StackConfigError(
      `gateway port ${requested} on ${host} is taken: pick another with --gateway-port (0 for any free port), or run without the gateway (--no-gateway)`,
    );
  return { port: requested, fellBack: false };
}
