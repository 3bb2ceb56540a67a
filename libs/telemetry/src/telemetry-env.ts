import { z } from 'zod';

const flag = z
  .enum(['true', 'false', 'TRUE', 'FALSE', '1', '0'])
  .transform((v) => v === 'true' || v === 'TRUE' || v === '1');

/**
 * The standard OpenTelemetry variables this lib reads (https://opentelemetry.io/docs/specs/otel/configuration/
 * sdk-environment-variables/). The OTLP exporter also reads its own `OTEL_EXPORTER_OTLP_*` and the batch
 * processor its `OTEL_BSP_*` variables directly.
 */
export const TelemetryEnv = z.object({
  /** `true` turns every signal off: no spans, no metrics (trace context still passes through). */
  OTEL_SDK_DISABLED: flag.default(false),
  /** Overrides the service name the agent would give itself. */
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  /** OTLP/HTTP base URL, e.g. http://jaeger:4318; traces go to `<endpoint>/v1/traces`. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
  /** `otlp` or `none`. Unset: `otlp` when an OTLP endpoint is set, else `none` (spans are not recorded). */
  OTEL_TRACES_EXPORTER: z.enum(['otlp', 'none']).optional(),
  OTEL_TRACES_SAMPLER: z
    .enum([
      'always_on',
      'always_off',
      'traceidratio',
      'parentbased_always_on',
      'parentbased_always_off',
      'parentbased_traceidratio',
    ])
    .default('parentbased_always_on'),
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).optional(),
  /** `prometheus` (served at /metrics on the health port) or `none`. */
  OTEL_METRICS_EXPORTER: z.enum(['prometheus', 'none']).default('prometheus'),
  /** Log level of the JSON logs. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
/** The parsed telemetry variables. */
export type TelemetryEnv = z.infer<typeof TelemetryEnv>;

/** Whether spans are exported: an explicit exporter wins; otherwise an OTLP endpoint turns it on. Pure. */
export function tracesExported(env: TelemetryEnv): boolean {
  if (env.OTEL_SDK_DISABLED) return false;
  if (env.OTEL_TRACES_EXPORTER) return env.OTEL_TRACES_EXPORTER === 'otlp';
  return (
    env.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT !== undefined
  );
}
