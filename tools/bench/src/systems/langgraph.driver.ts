import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import pg from 'pg';
import { BenchError } from '../errors.js';
import type { StageMessage } from '../pipeline/stage-message.js';
import { buildStageMessage } from '../pipeline/stage-message.js';
import { langgraphNames } from '../pipeline/system-names.js';
import { HttpJsonClient } from './http-json-client.js';
import type { BenchInfra, PipelineDriver, ProcessRole, StageSettings } from './pipeline-driver.js';

/**
 * (e) LangGraph JS with its PostgreSQL checkpointer: the pipeline as one graph of four nodes, run by a worker
 * process that takes goals over HTTP (see `agents/langgraph-worker.ts`). A graph cannot scale one node, so the
 * scale-out run replicates the whole worker and this driver balances goals over the replicas round-robin, as a
 * load balancer in front of them would. The checkpoint tables live in a schema of the run, created here with
 * `PostgresSaver.setup()` (once, as a deployment migrates) and dropped on close.
 */
export class LangGraphDriver implements PipelineDriver {
  readonly id = 'langgraph' as const;
  readonly entry = 'langgraph-worker.js';
  readonly broker = 'postgres' as const;
  readonly roles = ['worker'] as const;
  readonly scaleOut = 'worker' as const;
  readonly canFanOut = true;
  private readonly http = new HttpJsonClient();
  private workers: string[] = [];
  private next = 0;
  private prefix = '';
  private onCompleted: (goalId: string) => void = () => undefined;

  constructor(private readonly infra: BenchInfra) {}

  private get postgresUrl(): string {
    if (!this.infra.postgresUrl)
      throw new BenchError('infra-unavailable', 'langgraph needs the pass postgres');
    return this.infra.postgresUrl;
  }

  stageEnv(_role: ProcessRole, _replica: string, settings: StageSettings): Record<string, string> {
    return {
      POSTGRES_URL: this.postgresUrl,
      BENCH_SCALED_CONCURRENCY: String(settings.scaledStageConcurrency ?? settings.concurrency),
    };
  }

  async open(prefix: string, onCompleted: (goalId: string) => void): Promise<void> {
    this.prefix = prefix;
    this.onCompleted = onCompleted;
    const checkpointer = PostgresSaver.fromConnString(this.postgresUrl, {
      schema: langgraphNames.schema(prefix),
    });
    try {
      await checkpointer.setup();
    } finally {
      await checkpointer.end();
    }
  }

  replicasChanged(_role: ProcessRole, ports: readonly number[]): Promise<void> {
    this.workers = ports.map((port) => `http://127.0.0.1:${port}/goals`);
    return Promise.resolve();
  }

  async publishGoal(goalId: string): Promise<void> {
    const worker = this.workers[this.next++ % this.workers.length];
    if (!worker) throw new BenchError('stage-not-ready', 'no langgraph worker is running');
    const goal = buildStageMessage({
      goalId,
      stage: 'search',
      causationId: null,
      timestamp: new Date().toISOString(),
    });
    const completed = await this.http.post<StageMessage>(worker, JSON.stringify(goal));
    this.onCompleted(completed.goalId);
  }

  async close(): Promise<void> {
    this.http.close();
    if (!this.prefix || !this.infra.postgresUrl) return;
    const client = new pg.Client({ connectionString: this.infra.postgresUrl });
    try {
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${langgraphNames.schema(this.prefix)}" CASCADE`);
    } catch {
      // the pass's postgres is removed with its directory anyway
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
