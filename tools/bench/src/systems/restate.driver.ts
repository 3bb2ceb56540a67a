import { freePort, waitFor } from '@swarm/testing';
import { BenchError } from '../errors.js';
import type { StageMessage } from '../pipeline/stage-message.js';
import { buildStageMessage } from '../pipeline/stage-message.js';
import { restateNames } from '../pipeline/system-names.js';
import { HttpJsonClient } from './http-json-client.js';
import type { BenchInfra, PipelineDriver, ProcessRole, StageSettings } from './pipeline-driver.js';

const REGISTER_TIMEOUT_MS = 30_000;

/**
 * (f) Restate: the pipeline as one durable handler of four `ctx.run` steps in a service endpoint process (see
 * `agents/restate-endpoint.ts`), registered with the pass's private `restate-server` through the admin API.
 * Goals are invoked through the ingress as request-response calls with the goal id as idempotency key; the
 * answer is the completion event. The server pushes every invocation to the one registered deployment URL, so
 * one step cannot be scaled alone: the scale-out run replicates the whole endpoint behind that URL, the replicas
 * sharing its port (`SO_REUSEPORT`), which spreads the server's HTTP/2 connections (about one per partition) over
 * them as an L4 load balancer does.
 */
export class RestateDriver implements PipelineDriver {
  readonly id = 'restate' as const;
  readonly entry = 'restate-endpoint.js';
  readonly broker = 'restate-server' as const;
  readonly roles = ['worker'] as const;
  readonly scaleOut = 'worker' as const;
  readonly canFanOut = true;
  private readonly http = new HttpJsonClient();
  private service = '';
  private port = 0;
  private deploymentId: string | undefined;
  private onCompleted: (goalId: string) => void = () => undefined;

  constructor(private readonly infra: BenchInfra) {}

  private get server(): NonNullable<BenchInfra['restate']> {
    if (!this.infra.restate)
      throw new BenchError('infra-unavailable', 'restate needs the pass restate-server');
    return this.infra.restate;
  }

  stageEnv(_role: ProcessRole, _replica: string, settings: StageSettings): Record<string, string> {
    return {
      BENCH_LISTEN_PORT: String(this.port),
      BENCH_SCALED_CONCURRENCY: String(settings.scaledStageConcurrency ?? settings.concurrency),
      RESTATE_LOGGING: 'WARN',
    };
  }

  async open(prefix: string, onCompleted: (goalId: string) => void): Promise<void> {
    this.service = restateNames.service(prefix);
    this.onCompleted = onCompleted;
    this.port = await freePort();
  }

  /**
   * Once the first replica listens: registers the endpoint as a deployment (`POST /deployments`), then waits
   * until the ingress serves it. Later replicas share the registered URL.
   */
  async replicasChanged(_role: ProcessRole, ports: readonly number[]): Promise<void> {
    if (ports.length === 0 || this.deploymentId) return;
    const registered = await this.http.post<{ id: string }>(
      `${this.server.adminUrl}/deployments`,
      JSON.stringify({ uri: `http://127.0.0.1:${this.port}`, force: true }),
    );
    this.deploymentId = registered.id;
    let probe = 0;
    await waitFor(() => this.invoke(`probe-${(probe += 1)}`).then(() => true), {
      timeoutMs: REGISTER_TIMEOUT_MS,
      intervalMs: 200,
      description: `restate ingress serving ${this.service}`,
    });
  }

  async publishGoal(goalId: string): Promise<void> {
    const completed = await this.invoke(goalId);
    this.onCompleted(completed.goalId);
  }

  async close(): Promise<void> {
    if (this.deploymentId) {
      await fetch(`${this.server.adminUrl}/deployments/${this.deploymentId}?force=true`, {
        method: 'DELETE',
      }).catch(() => undefined);
    }
    this.http.close();
  }

  private invoke(goalId: string): Promise<StageMessage> {
    const goal = buildStageMessage({
      goalId,
      stage: 'search',
      causationId: null,
      timestamp: new Date().toISOString(),
    });
    return this.http.post<StageMessage>(
      `${this.server.ingressUrl}/${this.service}/${restateNames.handler}`,
      JSON.stringify(goal),
      { 'idempotency-key': goalId },
    );
  }
}
