import { InvalidSettingsError, TaskError } from '@swarm/transport/errors';
import { EmailSink } from './email.sink.js';
import { FileSink } from './file.sink.js';
import { createSinks, parseSinkConfig, selectSinks } from './sink-config.js';
import { StdoutSink } from './stdout.sink.js';
import { WebhookSink } from './webhook.sink.js';

const webhookEnv = {
  DELIVERY_SINKS: 'webhook',
  WEBHOOK_URL: 'https://hooks.example.com/swarm?token=t',
  WEBHOOK_SECRET: '0123456789abcdef',
};
const emailEnv = {
  DELIVERY_SINKS: 'email',
  SMTP_HOST: 'mail.example.com',
  SMTP_FROM: 'Swarm <swarm@example.com>',
  SMTP_TO: 'a@example.com, b@example.com',
};

function errorOf(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to throw');
}

describe('parseSinkConfig', () => {
  it('enables stdout alone by default', () => {
    expect(parseSinkConfig({})).toEqual({ enabled: ['stdout'] });
  });

  it('reads every sink with its defaults, treating empty values as unset', () => {
    const config = parseSinkConfig({
      ...webhookEnv,
      ...emailEnv,
      DELIVERY_SINKS: ' stdout, file,webhook,email,file ',
      DELIVERY_FILE_DIR: '',
      SMTP_PORT: '465',
    });
    expect(config.enabled).toEqual(['stdout', 'file', 'webhook', 'email']);
    expect(config.file).toEqual({ dir: 'reports' });
    expect(config.webhook).toEqual({
      url: webhookEnv.WEBHOOK_URL,
      secret: webhookEnv.WEBHOOK_SECRET,
      timeoutMs: 10_000,
      allowPrivateNetworks: false,
      allowHosts: [],
      maxResponseBytes: 16_384,
    });
    expect(config.email).toEqual({
      host: 'mail.example.com',
      port: 465,
      secure: true,
      from: 'Swarm <swarm@example.com>',
      to: ['a@example.com', 'b@example.com'],
      timeoutMs: 15_000,
    });
  });

  it('reads the webhook guard settings and names a bad host entry', () => {
    const config = parseSinkConfig({
      ...webhookEnv,
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      WEBHOOK_ALLOW_HOSTS: '127.0.0.1:9000, hooks.internal',
      WEBHOOK_MAX_RESPONSE_BYTES: '4096',
    });
    expect(config.webhook).toMatchObject({
      allowPrivateNetworks: true,
      allowHosts: ['127.0.0.1:9000', 'hooks.internal'],
      maxResponseBytes: 4_096,
    });
    const error = errorOf(() => parseSinkConfig({ ...webhookEnv, WEBHOOK_ALLOW_HOSTS: 'http://x/' }));
    expect(error.message).toContain('WEBHOOK_ALLOW_HOSTS not a host or host:port: "http://x/"');
  });

  it('names each variable a webhook needs and does not echo the secret', () => {
    const error = errorOf(() =>
      parseSinkConfig({ DELIVERY_SINKS: 'webhook', WEBHOOK_SECRET: 'short-secret' }),
    );
    expect(error).toBeInstanceOf(InvalidSettingsError);
    expect(error.message).toContain('WEBHOOK_URL is required when DELIVERY_SINKS includes webhook');
    expect(error.message).toContain('WEBHOOK_SECRET must be at least 16 characters');
    expect(error.message).not.toContain('short-secret');
  });

  it('takes a Standard Webhooks secret only when it carries a base64 key of 24 to 64 bytes', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(() => parseSinkConfig({ ...webhookEnv, WEBHOOK_SECRET: `whsec_${key}` })).not.toThrow();
    for (const bad of ['whsec_not*base64*at*all', `whsec_${Buffer.alloc(12, 7).toString('base64')}`]) {
      const error = errorOf(() => parseSinkConfig({ ...webhookEnv, WEBHOOK_SECRET: bad }));
      expect(error.message).toContain('WEBHOOK_SECRET a whsec_ secret must be base64 of 24 to 64 bytes');
      expect(error.message).not.toContain(bad);
    }
  });

  it('names each variable email needs, and a lone SMTP credential', () => {
    const error = errorOf(() =>
      parseSinkConfig({ DELIVERY_SINKS: 'email', SMTP_USER: 'me', SMTP_TO: 'nope' }),
    );
    expect(error.message).toContain('SMTP_HOST is required when DELIVERY_SINKS includes email');
    expect(error.message).toContain('SMTP_FROM is required');
    expect(error.message).toContain('SMTP_TO must be a comma list of addresses');
    expect(error.message).toContain('SMTP_PASS is required when the other SMTP credential is set');
  });

  it('refuses an unknown sink name and a non-http webhook URL', () => {
    expect(errorOf(() => parseSinkConfig({ DELIVERY_SINKS: 'stdout,slack' })).message).toContain(
      'DELIVERY_SINKS must list only stdout, file, webhook, email',
    );
    expect(
      errorOf(() => parseSinkConfig({ ...webhookEnv, WEBHOOK_URL: 'ftp://x.example.com' })).message,
    ).toContain('WEBHOOK_URL must be an http or https URL');
  });
});

describe('createSinks and selectSinks', () => {
  const sinks = createSinks(
    parseSinkConfig({ ...webhookEnv, ...emailEnv, DELIVERY_SINKS: 'stdout,file,webhook,email' }),
  );

  it('creates one sink per enabled name, in order', () => {
    expect(sinks.map((sink) => sink.constructor)).toEqual([StdoutSink, FileSink, WebhookSink, EmailSink]);
    expect(sinks.map((sink) => sink.name)).toEqual(['stdout', 'file', 'webhook', 'email']);
  });

  it('selects every sink when the goal names none, else those it names', () => {
    expect(selectSinks(sinks)).toHaveLength(4);
    expect(selectSinks(sinks, ['email', 'file']).map((sink) => sink.name)).toEqual(['file', 'email']);
  });

  it('refuses a sink the deployment does not enable, permanently', () => {
    const error = errorOf(() => selectSinks(sinks.slice(0, 1), ['stdout', 'email']));
    expect(error).toBeInstanceOf(TaskError);
    expect(error).toMatchObject({ code: 'unknown-sink', retryable: false });
    expect(error.message).toContain('"email"');
  });
});
