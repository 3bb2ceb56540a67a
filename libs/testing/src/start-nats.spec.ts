import { FIXTURE_ERROR_CODES } from './errors.js';
import { startNats } from './start-nats.js';

describe('startNats with NATS_URL set', () => {
  const saved = process.env['NATS_URL'];

  beforeEach(() => {
    process.env['NATS_URL'] = 'nats://nats.test.invalid:4333,nats://other.test.invalid:4444';
  });

  afterEach(() => {
    if (saved === undefined) delete process.env['NATS_URL'];
    else process.env['NATS_URL'] = saved;
  });

  it('hands out the external server as given, without starting one', async () => {
    const server = await startNats();
    expect(server).toMatchObject({
      url: 'nats://nats.test.invalid:4333,nats://other.test.invalid:4444',
      port: 4333,
      external: true,
      storeDir: undefined,
      monitorUrl: undefined,
    });
  });

  it('does nothing on stop, since the fixture does not own the server', async () => {
    const server = await startNats();
    await expect(server.stop()).resolves.toBeUndefined();
  });

  it('refuses to kill or restart the external server', async () => {
    const server = await startNats();
    await expect(server.kill()).rejects.toMatchObject({ code: FIXTURE_ERROR_CODES.ExternalServer });
    await expect(server.restart()).rejects.toMatchObject({ code: FIXTURE_ERROR_CODES.ExternalServer });
  });
});
