const REQUEST_TIMEOUT_MS = 1_000;

/**
 * GETs `<monitorUrl><path>` from a nats-server monitoring endpoint and returns the parsed JSON body.
 *
 * @throws when the endpoint does not answer within a second, answers with a non-2xx status, or not with JSON.
 */
export async function fetchMonitorJson(monitorUrl: string, path: string): Promise<unknown> {
  const response = await fetch(`${monitorUrl}${path}`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`monitoring endpoint ${path} answered http ${response.status}`);
  return response.json();
}

/** True when the server's `/healthz` answers `{"status":"ok"}`; false on any error. */
export async function isHealthy(monitorUrl: string): Promise<boolean> {
  try {
    const body = await fetchMonitorJson(monitorUrl, '/healthz');
    return isRecord(body) && body['status'] === 'ok';
  } catch {
    return false;
  }
}

/** True when the server's monitoring endpoint answers at all (`/varz` with http 2xx); false on any error. */
export async function isMonitorUp(monitorUrl: string): Promise<boolean> {
  try {
    await fetchMonitorJson(monitorUrl, '/varz');
    return true;
  } catch {
    return false;
  }
}

/** What `/jsz` says about the JetStream meta group: the leader's server name (when elected) and group size. */
export interface MetaClusterView {
  readonly leader: string | undefined;
  readonly clusterSize: number | undefined;
}

/** Reads `meta_cluster` from the server's `/jsz`; `undefined` when the server is unreachable or not clustered. */
export async function readMetaCluster(monitorUrl: string): Promise<MetaClusterView | undefined> {
  let body: unknown;
  try {
    body = await fetchMonitorJson(monitorUrl, '/jsz');
  } catch {
    return undefined;
  }
  const meta = isRecord(body) ? body['meta_cluster'] : undefined;
  if (!isRecord(meta)) return undefined;
  const leader = meta['leader'];
  const size = meta['cluster_size'];
  return {
    leader: typeof leader === 'string' && leader !== '' ? leader : undefined,
    clusterSize: typeof size === 'number' ? size : undefined,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
