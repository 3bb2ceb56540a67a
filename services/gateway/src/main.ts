import { loadGatewayConfig } from './config.js';
import { logStarted, startGateway } from './gateway-app.js';

/**
 * `node services/gateway/dist/main.js`: parses the environment once, starts the gateway, and on SIGTERM or
 * SIGINT stops taking requests, ends the open event streams and closes the NATS connection before exiting.
 */
async function main(): Promise<void> {
  const config = loadGatewayConfig(process.env);
  const gateway = await startGateway(config);
  logStarted(gateway, config);
  const stop = (signal: string) => {
    process.stderr.write(`gateway: ${signal}, shutting down\n`);
    gateway.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`gateway: shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`gateway: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
