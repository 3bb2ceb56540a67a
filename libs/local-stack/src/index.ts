export { AGENT_PACKAGES, agentEntry, healthPortOf, spawnAgent } from './agent-process.js';
export type { AgentKind, AgentProcess } from './agent-process.js';
export { DEV_GATEWAY_HOST, startDevStack } from './dev-stack.js';
export type { DevGateway, DevStack } from './dev-stack.js';
export {
  GATEWAY_ROLES,
  GATEWAY_TOKENS_FILE_NAME,
  gatewayTokensJson,
  writeGatewayLogin,
} from './gateway-login.js';
export type { GatewayLogin } from './gateway-login.js';
export { DEFAULT_GATEWAY_PORT, pickGatewayPort } from './gateway-port.js';
export type { GatewayPort } from './gateway-port.js';
export { GATEWAY_PACKAGE, gatewayEntry, gatewayEnv, spawnGateway } from './gateway-process.js';
export type { GatewayEndpoint, GatewayProcess } from './gateway-process.js';
export { agentEnvFor } from './agent-env.js';
export type { AgentEnvByKind } from './agent-env.js';
export { StackConfigError } from './errors.js';
export { probeNats, resolveLocalNats } from './local-nats.js';
export { freePort, isPortFree } from './ports.js';
export type { LocalNats } from './local-nats.js';
export { MAX_LOCAL_REPLICAS, parseScale } from './scale.js';
export type { AgentScale } from './scale.js';
export { stackAgentEnv } from './stack-env.js';
export type { StackEndpoints } from './stack-env.js';
