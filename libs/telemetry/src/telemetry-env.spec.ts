import { samplerFromEnv } from './sampler.js';
import { tracesUrl } from './start-telemetry.js';
import { TelemetryEnv, tracesExported } from './telemetry-env.js';

describe('telemetry configuration', () => {
  it('exports spans only when an OTLP endpoint or an explicit exporter says so', () => {
    expect(tracesExported(TelemetryEnv.parse({}))).toBe(false);
    expect(tracesExported(TelemetryEnv.parse({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318' }))).toBe(
      true,
    );
    expect(
      tracesExported(
        TelemetryEnv.parse({
          OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318',
          OTEL_TRACES_EXPORTER: 'none',
        }),
      ),
    ).toBe(false);
    expect(
      tracesExported(
        TelemetryEnv.parse({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318', OTEL_SDK_DISABLED: 'true' }),
      ),
    ).toBe(false);
  });

  it('sends spans to <endpoint>/v1/traces unless a traces endpoint is given', () => {
    expect(tracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318/' })).toBe(
      'http://jaeger:4318/v1/traces',
    );
    expect(tracesUrl({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/custom' })).toBe(
      'http://c:4318/custom',
    );
    expect(tracesUrl({})).toBeUndefined();
  });

  it('builds the sampler OTEL_TRACES_SAMPLER names', () => {
    expect(samplerFromEnv({ OTEL_TRACES_SAMPLER: 'parentbased_always_on' }).toString()).toMatch(
      /ParentBased/,
    );
    expect(
      samplerFromEnv({ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: 0.25 }).toString(),
    ).toMatch(/0\.25/);
    expect(samplerFromEnv({ OTEL_TRACES_SAMPLER: 'always_off' }).toString()).toMatch(/AlwaysOff/);
  });

  it('refuses an unknown sampler with a clear error', () => {
    expect(TelemetryEnv.safeParse({ OTEL_TRACES_SAMPLER: 'sometimes' }).success).toBe(false);
  });
});
