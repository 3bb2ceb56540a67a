export { closedPort, startLocalHttpServer } from './local-http-server.js';
export type { LocalHttpServer } from './local-http-server.js';
