export { createGuardedFetch, GuardedFetcher } from './guarded-fetcher.js';
export type {
  BodyDecision,
  GuardedFetchOptions,
  GuardedFetchPolicy,
  GuardedRequest,
  GuardedResponse,
  ResponseHead,
  ResponseHeaders,
} from './guarded-fetcher.js';
export { HTTP_GUARD_ERROR_CODES, HttpGuardError } from './errors.js';
export type { HttpGuardErrorCode } from './errors.js';
export { isSecretName, REDACTED, redactSecrets, redactUrl } from './redact.js';
export { assertAllowedTarget, classifyAddress, parseHttpUrl } from './ssrf-guard.js';
export type { AddressClass, SsrfPolicy } from './ssrf-guard.js';
export {
  AllowHostsSetting,
  commaListSetting,
  effectivePort,
  FlagSetting,
  normalizeHost,
  parseHostEntry,
} from './host-entry.js';
export type { HostEntry } from './host-entry.js';
export { resolveWithSystemDns } from './guarded-connector.js';
export type { ResolveHost } from './guarded-connector.js';
export { isError } from './fetch-failure.js';
