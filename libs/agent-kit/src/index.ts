export { agentCallGate } from './agent-call-gate.js';
export { createAgentModelClient, loadAgentModel } from './agent-model.js';
export { AgentEnv } from './agent-profile.js';
export type { AgentProfile } from './agent-profile.js';
export { ConfigError, parseEnv } from './config-error.js';
export { startHealthServer } from './health-server.js';
export type { HealthServer } from './health-server.js';
export { bootOrExit, runAgent } from './run-agent.js';
export type { RunningAgent } from './run-agent.js';
