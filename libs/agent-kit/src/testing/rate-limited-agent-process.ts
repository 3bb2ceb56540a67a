/**
 * An agent replica as its own process, for the swarm-wide rate-limit test: serves the `work` queue of the
 * isolated topology named by WORKER_PREFIX, and every task makes one echo call to the model its SWARM_MODEL_*
 * settings name, through the agent kit's model client (the goal's budget, then the shared rate limit). Prints
 * `READY` once its consumer is bound and `CALLED <taskId>` or `FAILED <taskId> <code>` per attempt.
 */
import { Echo, ECHO_PROMPT, mustEcho } from '@swarm/models/testing';
import { AgentRuntime, defineQueue, isolatedTopology, transportSettingsFromEnv } from '@swarm/transport';
import { WorkTask } from '@swarm/transport/testing';
import { createAgentModelClient, loadAgentModel } from '../agent-model.js';

async function main(): Promise<void> {
  const prefix = process.env['WORKER_PREFIX'];
  if (!prefix) throw new Error('WORKER_PREFIX is required');
  const settings = transportSettingsFromEnv(process.env);
  const model = await createAgentModelClient(loadAgentModel(process.env));
  if (!model) throw new Error('SWARM_MODEL must name a model');
  const { topology, queues } = isolatedTopology(prefix, ['work']);
  const quiet = {
    log: () => undefined,
    warn: (m: string) => console.warn(m),
    error: (m: string) => console.error(m),
  };
  const runtime = await AgentRuntime.start({ settings, topology, agentKind: 'worker', logger: quiet }, [
    {
      binding: defineQueue(queues['work']!, WorkTask),
      handler: async (payload, ctx) => {
        const task = payload as WorkTask;
        try {
          await model.generateChecked({
            prompt: ECHO_PROMPT,
            input: { word: 'swarm' },
            schema: Echo,
            validate: mustEcho('swarm'),
            signal: ctx.signal,
          });
          process.stdout.write(`CALLED ${task.taskId}\n`);
        } catch (error) {
          process.stdout.write(`FAILED ${task.taskId} ${(error as { code?: string }).code ?? 'error'}\n`);
          throw error;
        }
      },
    },
  ]);
  const stop = () => void runtime.stop().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stdout.write('READY\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`rate-limited agent failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
