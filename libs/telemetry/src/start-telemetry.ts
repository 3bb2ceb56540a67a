import type { IncomingMessage, ServerResponse } from 'node:http';
import { metrics, propagation } from '@opentelemetry/api';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { samplerFromEnv } from './sampler.js';
import type { TelemetryEnv } from './telemetry-env.js';
import { tracesExported } from './telemetry-env.js';

/** One service's telemetry: whether spans are exported, the Prometheus handler, and a flush on shutdown. */
export interface Telemetry {
  readonly serviceName: string;
  readonly tracesExported: boolean;
  readonly metricsEnabled: boolean;
  /** Serves the Prometheus text format (404 when metrics are off). */
  handleMetrics(request: IncomingMessage, response: ServerResponse): void;
  /** Flushes pending spans and stops the providers. Idempotent. */
  shutdown(): Promise<void>;
}

let started: Telemetry | undefined;

/** Where spans go: the traces endpoint as given, else `<OTLP endpoint>/v1/traces`, else the exporter's default. */
export function tracesUrl(
  env: Pick<TelemetryEnv, 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'>,
): string | undefined {
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT)
    return `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`;
  return undefined;
}

/**
 * Sets up OpenTelemetry once per process: W3C trace-context propagation (always, so context passes through even
 * when nothing is recorded), a tracer provider exporting over OTLP/HTTP when an endpoint is configured, and a
 * meter provider read by a Prometheus exporter served from the caller's HTTP server. A second call returns the
 * first setup.
 */
export function startTelemetry(options: {
  readonly serviceName: string;
  readonly serviceInstanceId: string;
  readonly serviceVersion?: string;
  readonly env: TelemetryEnv;
}): Telemetry {
  if (started) return started;
  const { env } = options;
  propagation.setGlobalPropagator(
    new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
  );
  const serviceName = env.OTEL_SERVICE_NAME ?? options.serviceName;
  const resource = resourceFromAttributes({
    [ATTR_SERVICE_NAME]: serviceName,
    [ATTR_SERVICE_VERSION]: options.serviceVersion ?? '0.1.0',
    'service.instance.id': options.serviceInstanceId,
    'service.namespace': 'agent-swarm',
  }).merge(detectResources({ detectors: [envDetector] }));

  let tracerProvider: NodeTracerProvider | undefined;
  const exported = tracesExported(env);
  if (exported) {
    tracerProvider = new NodeTracerProvider({
      resource,
      sampler: samplerFromEnv(env),
      spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl(env) }))],
    });
    tracerProvider.register();
  }

  let prometheus: PrometheusExporter | undefined;
  let meterProvider: MeterProvider | undefined;
  if (!env.OTEL_SDK_DISABLED && env.OTEL_METRICS_EXPORTER === 'prometheus') {
    prometheus = new PrometheusExporter({ preventServerStart: true });
    meterProvider = new MeterProvider({ resource, readers: [prometheus] });
    metrics.setGlobalMeterProvider(meterProvider);
  }

  let stopped = false;
  started = {
    serviceName,
    tracesExported: exported,
    metricsEnabled: prometheus !== undefined,
    handleMetrics: (request, response) => {
      if (!prometheus) {
        response
          .writeHead(404, { 'content-type': 'text/plain' })
          .end('metrics are off (OTEL_METRICS_EXPORTER=none)\n');
        return;
      }
      prometheus.getMetricsRequestHandler(request, response);
    },
    shutdown: async () => {
      if (stopped) return;
      stopped = true;
      await Promise.allSettled([tracerProvider?.shutdown(), meterProvider?.shutdown()]);
    },
  };
  return started;
}
