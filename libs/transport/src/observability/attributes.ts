/**
 * Span and metric attribute names: the OpenTelemetry messaging semantic conventions where they exist, and
 * `messaging.nats.*` / `swarm.*` for what they do not cover.
 */
export const ATTR = {
  messagingSystem: 'messaging.system',
  operationType: 'messaging.operation.type',
  operationName: 'messaging.operation.name',
  destination: 'messaging.destination.name',
  consumerGroup: 'messaging.consumer.group.name',
  messageId: 'messaging.message.id',
  bodySize: 'messaging.message.body.size',
  stream: 'messaging.nats.stream',
  streamSequence: 'messaging.nats.stream_sequence',
  deliveryCount: 'messaging.nats.delivery_count',
  settlement: 'messaging.nats.settlement',
  errorType: 'error.type',
  goalId: 'swarm.goal.id',
  taskId: 'swarm.task.id',
  queue: 'swarm.queue',
  agentKind: 'swarm.agent.kind',
  agentInstance: 'swarm.agent.instance',
  messageType: 'swarm.message.type',
} as const;

/** The messaging system name. */
export const NATS = 'nats';
