import { stackAgentEnv } from './stack-env.js';

const stack = {
  natsUrl: 'nats://127.0.0.1:4222',
  docsUrl: 'http://127.0.0.1:5000',
  docsPort: 5000,
  defaultReportsDir: '/state/reports',
};

describe('stackAgentEnv', () => {
  it('delivers to files under the state directory when the user set no delivery', () => {
    expect(stackAgentEnv({ PATH: '/bin' }, stack)).toMatchObject({
      PATH: '/bin',
      NATS_URL: stack.natsUrl,
      SCRAPER_ALLOW_HOSTS: '127.0.0.1:5000',
      DELIVERY_SINKS: 'file',
      DELIVERY_FILE_DIR: '/state/reports',
    });
  });

  it("keeps the user's own delivery sinks and file directory", () => {
    const env = stackAgentEnv(
      { DELIVERY_SINKS: 'webhook,file', DELIVERY_FILE_DIR: '/mine', DELIVERY_WEBHOOK_URL: 'http://x' },
      stack,
    );
    expect(env).toMatchObject({
      DELIVERY_SINKS: 'webhook,file',
      DELIVERY_FILE_DIR: '/mine',
      DELIVERY_WEBHOOK_URL: 'http://x',
    });
  });

  it('lets the caller go over everything', () => {
    expect(stackAgentEnv({ DELIVERY_SINKS: 'stdout' }, stack, { DELIVERY_SINKS: 'file' })).toMatchObject({
      DELIVERY_SINKS: 'file',
    });
  });
});
