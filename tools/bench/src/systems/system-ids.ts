/** The systems under test, in the order they run and appear in the table. */
export const SYSTEM_IDS = [
  'raw',
  'swarm-off',
  'swarm-on',
  'bullmq',
  'nest-nats',
  'langgraph',
  'restate',
] as const;
/** A system under test. */
export type SystemId = (typeof SYSTEM_IDS)[number];

/** How each system is named in the issue (its letter) and in the table. */
export const SYSTEM_LABELS = {
  raw: { letter: 'a', label: 'raw JetStream' },
  'swarm-off': { letter: 'b', label: 'swarm, tracing off' },
  'swarm-on': { letter: 'b', label: 'swarm, tracing on' },
  bullmq: { letter: 'c', label: 'BullMQ (Redis)' },
  'nest-nats': { letter: 'd', label: 'NestJS NATS (core)' },
  langgraph: { letter: 'e', label: 'LangGraph (Postgres)' },
  restate: { letter: 'f', label: 'Restate' },
} as const satisfies Record<SystemId, { letter: string; label: string }>;

/** The baseline every ratio is taken against. */
export const BASELINE: SystemId = 'raw';

/** True when `value` names a system. */
export function isSystemId(value: string): value is SystemId {
  return (SYSTEM_IDS as readonly string[]).includes(value);
}
