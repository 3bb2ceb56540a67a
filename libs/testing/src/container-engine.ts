import { access } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';

const DEFAULT_SOCKET = '/var/run/docker.sock';
const PING_TIMEOUT_MS = 1_000;

/** Where a container engine listens, as `DOCKER_HOST` spells it. */
export type ContainerEndpoint =
  | { readonly kind: 'socket'; readonly socketPath: string }
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
  | { readonly kind: 'other'; readonly value: string };

/**
 * Parses a `DOCKER_HOST` value: `unix:///path` -> socket, `tcp://host:port` -> tcp (port 2375 when absent),
 * anything else (`ssh://`, `npipe://`) -> other. Pure; never throws.
 */
export function parseDockerHost(value: string): ContainerEndpoint {
  if (value.startsWith('unix://')) return { kind: 'socket', socketPath: value.slice('unix://'.length) };
  if (value.startsWith('tcp://')) {
    try {
      const url = new URL(`http://${value.slice('tcp://'.length)}`);
      return { kind: 'tcp', host: url.hostname, port: url.port === '' ? 2375 : Number(url.port) };
    } catch {
      return { kind: 'other', value };
    }
  }
  return { kind: 'other', value };
}

/**
 * True when a container engine answers within about a second: the `DOCKER_HOST` endpoint when set (unix
 * socket: `GET /_ping` answers 200; tcp: the port accepts a connection; other schemes are trusted as set),
 * otherwise `/var/run/docker.sock` when it exists and answers `GET /_ping`. Never rejects.
 */
export async function isContainerEngineReachable(dockerHost: string | undefined): Promise<boolean> {
  if (dockerHost !== undefined) {
    const endpoint = parseDockerHost(dockerHost);
    if (endpoint.kind === 'socket') return pingSocket(endpoint.socketPath);
    if (endpoint.kind === 'tcp') return canConnect(endpoint.host, endpoint.port);
    return true;
  }
  try {
    await access(DEFAULT_SOCKET);
  } catch {
    return false;
  }
  return pingSocket(DEFAULT_SOCKET);
}

function pingSocket(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/_ping', method: 'GET', timeout: PING_TIMEOUT_MS }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(false));
    req.end();
  });
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const finish = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(PING_TIMEOUT_MS, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}
