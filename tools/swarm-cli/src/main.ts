import { hostname, userInfo } from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { LIMITS } from '@swarm/contracts';
import type { SwarmClient } from '@swarm/transport';
import { connectClient } from './cli-bus.js';
import { runDlqList, runDlqReplay } from './commands/dlq.command.js';
import { parseWeights, runGoal } from './commands/goal.command.js';
import { runGoals } from './commands/goals.command.js';
import { runInspect, runStatus } from './commands/inspect.command.js';
import { runTrace } from './commands/trace.command.js';
import { parseScale, StackConfigError } from '@swarm/local-stack';
import { CliError, EXIT_CODES } from './errors.js';
import { decideApproval } from './goals/approval-decision.js';
import { startTelemetry, TelemetryEnv } from '@swarm/telemetry';

const env = process.env;
// The CLI's publish of a goal is the root span of the goal's trace (exported when OTEL_EXPORTER_OTLP_ENDPOINT is set).
const telemetryEnv = TelemetryEnv.safeParse(env);
const telemetry = startTelemetry({
  serviceName: 'swarm-cli',
  serviceInstanceId: `${hostname()}-${process.pid}`,
  env: {
    ...(telemetryEnv.success ? telemetryEnv.data : TelemetryEnv.parse({})),
    OTEL_METRICS_EXPORTER: 'none',
  },
});
const out = (line: string) => process.stdout.write(`${line}\n`);
const stateDir = path.resolve(env['SWARM_STATE_DIR'] ?? '.swarm');
const whoami = () => env['SWARM_USER'] ?? userInfo().username;

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive whole number');
  return n;
}

const collect = (value: string, previous: string[]) => [...previous, value];

const modelOption = () =>
  new Option(
    '--model <spec>',
    'the model of every agent (<provider:model>, e.g. openai-compatible:llama3.1) or of one (<agent>=<provider:model>, e.g. scraper=builtin); repeatable; SWARM_MODEL_* give the base URL, key and limits',
  )
    .argParser(collect)
    .default([], 'SWARM_MODEL, else builtin');

// dev and demo load the model layer (and what runs the stack) only when they run.
const devCommands = () => import('./commands/dev.command.js');
const modelFlags = async (specs: string[]) =>
  (await import('./commands/model-flags.js')).parseModelFlags(specs);

async function withClient<T>(run: (client: SwarmClient) => Promise<T>): Promise<T> {
  const client = await connectClient(env);
  try {
    return await run(client);
  } finally {
    await client.close();
  }
}

let exitCode: number = EXIT_CODES.ok;
const program = new Command('swarm')
  .description(
    'Run the agent swarm locally, submit goals and follow them, approve deliveries, inspect and replay.',
  )
  .showHelpAfterError();

const goalOptions = (command: Command) =>
  command
    .addOption(new Option('--top <n>', `how many tools to rank (1-${LIMITS.topNMax})`).argParser(positiveInt))
    .option('--weights <spec>', 'scoring weights, e.g. relevance=5,adoption=1 (0-10 each)')
    .option('--timeout <ms>', 'how long to wait for the goal', (v) => positiveInt(v), 180_000);

program
  .command('dev')
  .description(
    'run NATS (NATS_URL, else localhost:4222, else a spawned nats-server), the docs server and the agents',
  )
  .option('--scale <agent=n>', 'replicas of an agent, e.g. scraper=3 (repeatable)', collect, [])
  .addOption(modelOption())
  .option('--quiet', 'do not print agent output')
  .action(async (opts: { scale: string[]; model: string[]; quiet?: boolean }) => {
    const models = await modelFlags(opts.model);
    const { runDev } = await devCommands();
    await runDev({ env, scale: parseScale(opts.scale), models, stateDir, quiet: opts.quiet }, out);
  });

goalOptions(
  program
    .command('goal')
    .description('publish a goal; with --wait show every hand-off live and print the report')
    .argument('<text...>', 'what to find, e.g. "find top 5 agentic AI tools"')
    .option('--approve', 'pause before delivery until `swarm approve` or `swarm reject`')
    .option('--wait', 'follow the goal live until it ends, then print the report')
    .option('--id <goalId>', 'use this goal id (resubmitting the same goal is a no-op)')
    .option('--deliver-to <sinks>', 'only these delivery sinks, comma-separated'),
).action(
  async (
    words: string[],
    opts: {
      top?: number;
      approve?: boolean;
      wait?: boolean;
      timeout: number;
      id?: string;
      weights?: string;
      deliverTo?: string;
    },
  ) => {
    const result = await withClient((client) =>
      runGoal(
        client,
        words.join(' '),
        {
          ...opts,
          weights: opts.weights ? parseWeights(opts.weights) : undefined,
          deliverTo: opts.deliverTo?.split(',').map((s) => s.trim()),
          by: whoami(),
        },
        out,
      ),
    );
    exitCode = result.exitCode;
  },
);

goalOptions(
  program
    .command('demo')
    .description('dev + goal + wait + clean shutdown: the whole swarm on the embedded default')
    .argument('[text...]', 'the goal', ['find', 'top', '5', 'agentic', 'AI', 'tools'])
    .option('--scale <agent=n>', 'replicas of an agent, e.g. scraper=3 (repeatable)', collect, [])
    .addOption(modelOption()),
).action(
  async (
    words: string[],
    opts: { top?: number; timeout: number; weights?: string; scale: string[]; model: string[] },
  ) => {
    const models = await modelFlags(opts.model);
    const { runDemo } = await devCommands();
    exitCode = await runDemo(
      words.join(' '),
      {
        env,
        scale: parseScale(opts.scale),
        models,
        stateDir,
        goal: {
          top: opts.top,
          timeout: opts.timeout,
          weights: opts.weights ? parseWeights(opts.weights) : undefined,
          by: whoami(),
        },
      },
      out,
    );
  },
);

program
  .command('status')
  .description('where a goal stands')
  .argument('<goalId>')
  .action(async (goalId: string) => withClient((client) => runStatus(client, goalId, out)));

program
  .command('goals')
  .description('the goals on the events stream and where each stands (by default those not ended)')
  .option('--all', 'list ended goals too')
  .option('--stale-after <ms>', 'exit 1 when a goal not ended is older than this', (v) => positiveInt(v))
  .option('--limit <n>', 'events read per kind, oldest first', (v) => positiveInt(v), 10_000)
  .option('--json', 'print the rows as JSON')
  .action(async (opts: { all?: boolean; staleAfter?: number; limit: number; json?: boolean }) => {
    exitCode = await withClient((client) =>
      runGoals(
        client,
        { all: opts.all, staleAfterMs: opts.staleAfter, limit: opts.limit, json: opts.json },
        out,
      ),
    );
  });

program
  .command('inspect')
  .description("a goal's whole timeline from the event stream (the audit trail)")
  .argument('<goalId>')
  .option('--json', 'print { goalId, events, usage } as JSON: the raw events and the model usage')
  .action(async (goalId: string, opts: { json?: boolean }) =>
    withClient((client) => runInspect(client, goalId, out, opts.json)),
  );

program
  .command('approve')
  .description('approve delivery of a goal waiting for approval')
  .argument('<goalId>')
  .option('--comment <text>', 'a note for the audit trail')
  .action(async (goalId: string, opts: { comment?: string }) => {
    await withClient((client) =>
      decideApproval(client, goalId, { outcome: 'granted', by: whoami(), comment: opts.comment }),
    );
    out(`approved ${goalId}`);
  });

program
  .command('reject')
  .description('reject a goal waiting for approval; it is not delivered')
  .argument('<goalId>')
  .requiredOption('--comment <text>', 'why (required)')
  .action(async (goalId: string, opts: { comment: string }) => {
    await withClient((client) =>
      decideApproval(client, goalId, { outcome: 'rejected', by: whoami(), comment: opts.comment }),
    );
    out(`rejected ${goalId}`);
  });

program
  .command('trace')
  .description("the goal's trace waterfall from Jaeger (JAEGER_URL), with the Jaeger UI link")
  .argument('<goalId>')
  .action(async (goalId: string) => {
    await runTrace(goalId, env['JAEGER_URL'], out);
  });

const dlq = program.command('dlq').description('the dead-letter stream');
dlq
  .command('list')
  .description('list dead-letter records with their reasons')
  .option('--queue <name>', 'only one queue (search, scrape, rank, report)')
  .action(async (opts: { queue?: string }) => {
    await withClient((client) => runDlqList(client, out, opts.queue));
  });
dlq
  .command('replay')
  .description('put a dead-lettered message back on its original subject')
  .argument('<id>', 'the dead-letter id, e.g. dlq/TASKS_SCRAPE/42')
  .action(async (id: string) => withClient((client) => runDlqReplay(client, id, out)));

program
  .parseAsync(process.argv)
  .then(async () => {
    await telemetry.shutdown();
    process.exit(exitCode);
  })
  .catch(async (error: unknown) => {
    await telemetry.shutdown();
    if (error instanceof StackConfigError) {
      process.stderr.write(`swarm: ${error.message}\n`);
      process.exit(EXIT_CODES.usage);
    }
    if (error instanceof CliError) {
      process.stderr.write(`swarm: ${error.message}\n`);
      process.exit(error.exitCode);
    }
    process.stderr.write(`swarm: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(EXIT_CODES.failure);
  });
