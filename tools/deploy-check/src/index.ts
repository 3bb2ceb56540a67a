export { AGENT_QUEUES, AGENTS, GATEWAY, SERVICES } from './agents.js';
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
export { NATS_TLS_DIR, natsUsers, placeNatsConfig, placeTlsFiles } from './nats-config.js';
export type { LocalNatsPlacement, NatsUser } from './nats-config.js';
export { unknownFieldViolations } from './manifest-fields.js';
export { AccessConfig, parseAccessConfig, Tenant } from './security/access-config.js';
export { renderAuthConf } from './security/auth-conf.js';
export { tenantIdentities } from './security/identities.js';
export type { Identity } from './security/identities.js';
export { inboxPrefixOf, natsPermissions } from './security/nats-permissions.js';
export type { NatsPermissions } from './security/nats-permissions.js';
export { renderPermissionMatrix } from './security/permission-matrix.js';
export { AGENT_ROLES, approverRole, OPERATOR_ROLE } from './security/roles.js';
export type { Role, RoleKind } from './security/roles.js';
export { buildSecurityFiles, readAccessConfig, SECURITY_PATHS } from './security/security-files.js';
export type { SecurityFile } from './security/security-files.js';
