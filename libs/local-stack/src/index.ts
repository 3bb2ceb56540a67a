export { AGENT_PACKAGES, agentEntry, spawnAgent } from './agent-process.js';
export type { AgentKind, AgentProcess } from './agent-process.js';
export { startDevStack } from './dev-stack.js';
export type { DevStack } from './dev-stack.js';
export { StackConfigError } from './errors.js';
export { probeNats, resolveLocalNats } from './local-nats.js';
export type { LocalNats } from './local-nats.js';
export { MAX_LOCAL_REPLICAS, parseScale } from './scale.js';
export type { AgentScale } from './scale.js';
