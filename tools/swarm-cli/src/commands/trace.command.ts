import { CliError, EXIT_CODES } from '../errors.js';
import { JaegerTracesResponse, renderWaterfall, toWaterfall } from '../trace/jaeger-trace.js';

/**
 * `swarm trace <goal>`: finds the goal's trace in Jaeger's query API (`JAEGER_URL`, e.g. http://localhost:16686)
 * by the `swarm.goal.id` attribute every agent span carries, prints its waterfall, and the UI link.
 */
export async function runTrace(
  goalId: string,
  jaegerUrl: string | undefined,
  out: (line: string) => void,
): Promise<void> {
  if (!jaegerUrl) {
    throw new CliError(
      `JAEGER_URL is not set: point it at the Jaeger query service (e.g. http://localhost:16686), or search the Jaeger UI for tag swarm.goal.id=${goalId}`,
      EXIT_CODES.usage,
    );
  }
  const base = jaegerUrl.replace(/\/+$/, '');
  const query = new URLSearchParams({
    service: 'search',
    tags: JSON.stringify({ 'swarm.goal.id': goalId }),
    limit: '1',
    lookback: '7d',
  });
  let response: Response;
  try {
    response = await fetch(`${base}/api/traces?${query.toString()}`, { signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new CliError(`cannot reach Jaeger at ${base}: ${(error as Error).message}`, EXIT_CODES.failure, {
      cause: error,
    });
  }
  if (!response.ok) throw new CliError(`Jaeger at ${base} answered ${response.status}`, EXIT_CODES.failure);
  const parsed = JaegerTracesResponse.safeParse(await response.json());
  if (!parsed.success)
    throw new CliError(`Jaeger at ${base} sent a response this CLI does not understand`, EXIT_CODES.failure);
  const waterfall = toWaterfall(parsed.data);
  if (!waterfall)
    throw new CliError(
      `no trace for goal ${goalId} in Jaeger yet (spans are exported in batches; retry in a few seconds)`,
      EXIT_CODES.usage,
    );
  for (const line of renderWaterfall(waterfall)) out(line);
  out(`\nopen in Jaeger: ${base}/trace/${waterfall.traceId}`);
}
