export { startNats } from './start-nats.js';
export type { NatsServerHandle, StartNatsOptions } from './nats-server-handle.js';
export { startNatsCluster } from './start-nats-cluster.js';
export { startConfiguredNats } from './start-configured-nats.js';
export type { ConfiguredNatsServer, StartConfiguredNatsOptions } from './start-configured-nats.js';
export { generatePki, issueCertificate } from './test-pki.js';
export type { CertificatePair, GeneratePkiOptions, TestPki } from './test-pki.js';
export type { NatsClusterHandle, StartNatsClusterOptions } from './nats-cluster-handle.js';
export { uniqueName } from './unique-name.js';
export { freePort } from './free-port.js';
export { waitFor } from './wait-for.js';
export { deepPage, HOSTILE_PAGE_KINDS, hostilePage, widePage } from './hostile-pages.js';
export type { HostilePageKind } from './hostile-pages.js';
export type { WaitForOptions, WaitForProbe } from './wait-for.js';
export { FIXTURE_ERROR_CODES, FixtureError } from './errors.js';
export type { FixtureErrorCode } from './errors.js';
export { startScriptedModelServer } from './scripted-model-server.js';
export type { ScriptedModelServer, ScriptedModelServerOptions } from './scripted-model-server.js';
export type {
  ScriptedChatRequest,
  ScriptedMessage,
  ScriptedReply,
  ScriptedResponder,
  ScriptedUsage,
} from './scripted-model-script.js';
