import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwarmClient, swarmTopology } from '@swarm/transport';
import type { GatewayConfig } from './config.js';
import { GatewayModule } from './gateway.module.js';
import { jsonBodyParser } from './static/body-limit.js';
import { consoleHandlers } from './static/console-static.js';
import { securityHeaders } from './static/security-headers.js';

/** A running gateway. */
export interface RunningGateway {
  readonly app: INestApplication;
  readonly client: SwarmClient;
  /** Where it listens, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  /** Stops taking requests, ends open streams, closes the NATS connection. Idempotent. */
  close(): Promise<void>;
}

/**
 * The gateway's Nest application on a connected client, not yet listening: security headers on every response
 * (nosniff, no-referrer, a Content-Security-Policy), JSON bodies up to `GATEWAY_BODY_LIMIT_BYTES`, the console's
 * static files when built, the API, and the doors H2 adds.
 */
export async function createGatewayApp(
  config: GatewayConfig,
  client: SwarmClient,
  options: { readonly logger?: false } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forRoot(config, client), {
    bodyParser: false,
    ...(options.logger === false ? { logger: false } : { logger: ['error', 'warn', 'log'] }),
  });
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(securityHeaders);
  app.use(jsonBodyParser(config.bodyLimitBytes));
  const console = consoleHandlers(config.consoleDir);
  if (console) for (const handler of console) app.use(handler);
  return app;
}

/**
 * Connects to NATS (`SwarmClient.connect`, provisioning only with `GATEWAY_PROVISION=true`), creates the app and
 * listens on `GATEWAY_HOST:GATEWAY_PORT` (port 0: any free one; `url` says which).
 */
export async function startGateway(
  config: GatewayConfig,
  options: { readonly logger?: false } = {},
): Promise<RunningGateway> {
  const client = await SwarmClient.connect(config.transport, swarmTopology(), {
    provision: config.provision,
    name: `gateway:${config.transport.instanceId}`,
  });
  let app: NestExpressApplication;
  try {
    app = await createGatewayApp(config, client, options);
    await app.listen(config.port, config.host);
  } catch (error) {
    await client.close();
    throw error;
  }
  const address = app.getHttpServer().address() as { port: number } | null;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address?.port ?? config.port}`;
  let closing: Promise<void> | undefined;
  return {
    app,
    client,
    url,
    close: () =>
      (closing ??= (async () => {
        const server = app.getHttpServer() as { closeAllConnections?: () => void };
        server.closeAllConnections?.();
        await app.close();
        await client.close();
      })()),
  };
}

/** Logs where the gateway listens and what it serves. */
export function logStarted(gateway: RunningGateway, config: GatewayConfig): void {
  const logger = new Logger('gateway');
  logger.log(
    `listening on ${gateway.url} (public URL ${config.publicUrl}); API at ${config.publicUrl}/api/v1`,
  );
  if (config.auth === 'none') logger.warn('GATEWAY_AUTH=none: every caller has every role (loopback only)');
}
