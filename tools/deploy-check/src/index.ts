export { AGENT_QUEUES, AGENTS } from './agents.js';
export type { AgentQueue } from './agents.js';
export { findObject, ofKind, parseManifests, renderKustomization } from './manifests.js';
export type { K8sObject } from './manifests.js';
export { KNOWN_KINDS, schemaViolations } from './manifest-schemas.js';
export { interpolate, interpolatedNames, parseCompose } from './compose-file.js';
export type { ComposeFile, ComposeService } from './compose-file.js';
export {
  dockerInstructions,
  effective,
  execForm,
  parseDockerfile,
  stage,
  stageChain,
  stageEnv,
  substituteArgs,
} from './dockerfile.js';
export type { Dockerfile, DockerInstruction, DockerStage } from './dockerfile.js';
export { serviceCommand, shellWords } from './entrypoint.js';
export { natsUsers, placeNatsConfig } from './nats-config.js';
export type { LocalNatsPlacement, NatsUser } from './nats-config.js';
export { unknownFieldViolations } from './manifest-fields.js';
