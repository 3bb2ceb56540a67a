import type { KV } from '@nats-io/kv';
import type { DeploymentKey } from '@swarm/contracts';
import { encodeJson } from '../bus/codec.js';

/**
 * Reads a deployment-level record of the goals bucket (a `DEPLOYMENT_KEYS` key, outside every goal's
 * `<goalId>.` keys) as JSON. `undefined` when it was never written or was deleted.
 */
export async function readDeploymentRecord(kv: KV, key: DeploymentKey): Promise<unknown> {
  const entry = await kv.get(key);
  if (!entry || entry.operation !== 'PUT') return undefined;
  return entry.json();
}

/**
 * Writes a deployment-level record (a plain put: replicas writing the same content is fine, the last write
 * stands). The writer needs publish rights on `$KV.<goals bucket>.<key>`.
 */
export async function putDeploymentRecord(kv: KV, key: DeploymentKey, value: unknown): Promise<void> {
  await kv.put(key, encodeJson(value));
}
