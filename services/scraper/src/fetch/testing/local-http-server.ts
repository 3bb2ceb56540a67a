// The loopback test server lives in `@swarm/http-guard/testing`, shared by every agent that fetches over HTTP.
export { closedPort, startLocalHttpServer } from '@swarm/http-guard/testing';
export type { LocalHttpServer } from '@swarm/http-guard/testing';
