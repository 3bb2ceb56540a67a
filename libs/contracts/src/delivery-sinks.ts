/**
 * The names of the communications agent's delivery sinks: what a deployment can enable (its `DELIVERY_SINKS`
 * setting) and what a goal can name in `deliverTo`. The goal schema leaves `deliverTo` free strings (a new sink
 * must not be a breaking change); the `swarm` CLI refuses any other name at submission, and the door refuses a
 * sink the deployment does not enable (its `DEPLOYMENT_KEYS.delivery` record).
 */
export const SINK_NAMES = { stdout: 'stdout', file: 'file', webhook: 'webhook', email: 'email' } as const;

/** A delivery sink's name. */
export type SinkName = (typeof SINK_NAMES)[keyof typeof SINK_NAMES];

/** True when `name` is one of `SINK_NAMES`. Pure. */
export function isSinkName(name: string): name is SinkName {
  return (Object.values(SINK_NAMES) as string[]).includes(name);
}
