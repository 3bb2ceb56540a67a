import { Command, Option } from 'commander';
import { LIMITS, QUEUES } from '@swarm/contracts';
import type { GoalBudget, QueueName, ScoringWeights } from '@swarm/contracts';
import { parseScale } from '@swarm/local-stack';
import type { SwarmClient } from '@swarm/transport';
import { collect, parsePort, parsePositiveInt, parseTopN } from './cli-arguments.js';
import { connectClient } from './cli-bus.js';
import { runDecide, runReview } from './commands/approval.command.js';
import { parseQueueName, runDlqList, runDlqReplay } from './commands/dlq.command.js';
import { DELIVERY_SINKS, parseDeliverTo, parseWeights, runGoal } from './commands/goal.command.js';
import { parseBudget } from './commands/budget-flags.js';
import { runBudgetAdd } from './commands/budget.command.js';
import { runGoals } from './commands/goals.command.js';
import { runInspect, runStatus } from './commands/inspect.command.js';
import { runTrace } from './commands/trace.command.js';
import { runWatch } from './commands/watch.command.js';
import { approverIdentity } from './goals/approver-identity.js';
import { parseGoalId } from '@swarm/goal-views';

/** What the `swarm` commands run with: the environment, where they print, who the user is. */
export interface CliContext {
  /** The environment (`NATS_URL`, `JAEGER_URL`, `SWARM_*`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where `swarm dev` and `swarm demo` keep their state (the reports). */
  readonly stateDir: string;
  /** The CLI package's version, for `--version`. */
  readonly version: string;
  /** Prints one line on stdout. */
  readonly out: (line: string) => void;
  /** Raw text the parser prints: help and version on stdout, help after a bare `swarm` on stderr. */
  readonly write: { readonly out: (text: string) => void; readonly err: (text: string) => void };
  /** Who decides or submits (`SWARM_USER`, else the OS user). */
  readonly whoami: () => string;
  /** Records the exit code a command decided (its goal's outcome, stale goals). */
  readonly setExitCode: (code: number) => void;
}

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

/** `--top`, `--weights` and `--timeout`, shared by `goal` and `demo`; each value is checked as it is parsed. */
const goalOptions = (command: Command) =>
  command
    .addOption(new Option('--top <n>', `how many tools to rank (1-${LIMITS.topNMax})`).argParser(parseTopN))
    .addOption(
      new Option('--weights <spec>', 'scoring weights, e.g. relevance=5,adoption=1 (0-10 each)').argParser(
        parseWeights,
      ),
    )
    .option('--timeout <ms>', 'how long to wait for the goal', parsePositiveInt, 180_000);

/**
 * The `swarm` command line. Every flag and argument is checked while it is parsed (goal ids against the
 * contract's `GoalId`, `--top`, `--weights`, `--deliver-to`, `--queue`), so bad usage fails before anything
 * connects, starts or publishes. The parser throws instead of exiting and prints nothing itself: `exitOf` turns
 * what it throws into the exit code and the one `swarm: ...` line.
 */
export function buildProgram(context: CliContext): Command {
  const { env, out, stateDir, whoami, setExitCode } = context;
  const withClient = async <T>(
    run: (client: SwarmClient) => Promise<T>,
    options: { readonly provision?: boolean } = {},
  ): Promise<T> => {
    const client = await connectClient(env, options);
    try {
      return await run(client);
    } finally {
      await client.close();
    }
  };

  // Set before the subcommands are added: they inherit the exit override and the output settings.
  const program = new Command('swarm')
    .description(
      'Run the agent swarm locally, submit goals and follow them, approve deliveries, inspect and replay.',
    )
    .version(context.version, '-V, --version', 'print the CLI version')
    .exitOverride()
    .configureOutput({
      writeOut: context.write.out,
      writeErr: context.write.err,
      outputError: () => undefined,
    });

  program
    .command('dev')
    .description(
      'run NATS (NATS_URL, else localhost:4222, else a spawned nats-server), the docs server, the agents and the gateway; show each agent with its health and metrics URLs, the console URL with a login token, then a running tally of the goals',
    )
    .option('--scale <agent=n>', 'replicas of an agent, e.g. scraper=3 (repeatable)', collect, [])
    .addOption(modelOption())
    .addOption(
      new Option(
        '--gateway-port <port>',
        'the gateway (console, API, MCP, A2A) on 127.0.0.1:<port>; 0 for any free port (default: 8080, else a free port when 8080 is taken)',
      )
        .argParser(parsePort)
        .conflicts('gateway'),
    )
    .option('--no-gateway', 'start no gateway')
    .option('--logs', "also print every agent's and the gateway's output, prefixed with its instance name")
    .option('--quiet', 'print no running tally of the goals')
    .action(
      async (opts: {
        scale: string[];
        model: string[];
        gateway: boolean;
        gatewayPort?: number;
        logs?: boolean;
        quiet?: boolean;
      }) => {
        const models = await modelFlags(opts.model);
        const { runDev } = await devCommands();
        await runDev(
          {
            env,
            scale: parseScale(opts.scale),
            models,
            stateDir,
            gateway: opts.gateway ? { port: opts.gatewayPort } : undefined,
            logs: opts.logs,
            quiet: opts.quiet,
          },
          out,
        );
      },
    );

  goalOptions(
    program
      .command('goal')
      .description('publish a goal; with --wait show every hand-off live and print the report')
      .argument('<text...>', 'what to find, e.g. "find top 5 agentic AI tools"')
      .option('--approve', 'pause before delivery until `swarm approve` or `swarm reject`')
      .option('--wait', 'follow the goal live until it ends, then print the report')
      .option('--id <goalId>', 'use this goal id (resubmitting the same goal is a no-op)', parseGoalId)
      .option(
        '--deliver-to <sinks>',
        `only these delivery sinks, comma-separated (${DELIVERY_SINKS.join(', ')})`,
        parseDeliverTo,
      )
      .option(
        '--budget <spec>',
        'limits, e.g. cost=0.50,tokens=200000,calls=20,deadline=10m,on-exhausted=pause|degrade|fail',
        (spec: string) => parseBudget(spec),
      ),
  ).action(
    async (
      words: string[],
      opts: {
        top?: number;
        approve?: boolean;
        wait?: boolean;
        timeout: number;
        id?: string;
        weights?: Partial<ScoringWeights>;
        deliverTo?: string[];
        budget?: GoalBudget;
      },
    ) => {
      const result = await withClient((client) =>
        runGoal(client, words.join(' '), { ...opts, by: whoami() }, out),
      );
      setExitCode(result.exitCode);
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
      opts: {
        top?: number;
        timeout: number;
        weights?: Partial<ScoringWeights>;
        scale: string[];
        model: string[];
      },
    ) => {
      const models = await modelFlags(opts.model);
      const { runDemo } = await devCommands();
      setExitCode(
        await runDemo(
          words.join(' '),
          {
            env,
            scale: parseScale(opts.scale),
            models,
            stateDir,
            goal: { top: opts.top, timeout: opts.timeout, weights: opts.weights, by: whoami() },
          },
          out,
        ),
      );
    },
  );

  program
    .command('status')
    .description('where a goal stands')
    .argument('<goalId>', 'the goal id', parseGoalId)
    .action(async (goalId: string) => withClient((client) => runStatus(client, goalId, out)));

  program
    .command('watch')
    .description(
      're-attach to a goal: its events so far, then live to its end, ending like goal --wait (same exit codes)',
    )
    .argument('<goalId>', 'the goal id', parseGoalId)
    .option('--timeout <ms>', 'how long to wait for the goal to end', parsePositiveInt, 180_000)
    .action(async (goalId: string, opts: { timeout: number }) => {
      setExitCode(await withClient((client) => runWatch(client, goalId, { timeoutMs: opts.timeout }, out)));
    });

  program
    .command('goals')
    .description('the goals on the events stream and where each stands (by default those not ended)')
    .option('--all', 'list ended goals too')
    .option('--stale-after <ms>', 'exit 1 when a goal not ended is older than this', parsePositiveInt)
    .option(
      '--limit <n>',
      'rows shown at most, newest first (--stale-after always checks every goal)',
      parsePositiveInt,
      50,
    )
    .option('--json', 'print the rows as JSON')
    .action(async (opts: { all?: boolean; staleAfter?: number; limit: number; json?: boolean }) => {
      setExitCode(
        await withClient((client) =>
          runGoals(
            client,
            { all: opts.all, staleAfterMs: opts.staleAfter, limit: opts.limit, json: opts.json },
            out,
          ),
        ),
      );
    });

  program
    .command('inspect')
    .description("a goal's whole timeline from the event stream (the audit trail)")
    .argument('<goalId>', 'the goal id', parseGoalId)
    .option('--json', 'print { goalId, events, usage } as JSON: the raw events and the model usage')
    .action(async (goalId: string, opts: { json?: boolean }) =>
      withClient((client) => runInspect(client, goalId, out, opts.json)),
    );

  /** The identity a decision is recorded under, checked before anything connects. */
  const approverOf = (by: string | undefined) =>
    approverIdentity({ natsUser: env['NATS_USER'] || undefined, by, whoami });
  const byOption = () =>
    new Option(
      '--by <name>',
      'who decides, on a NATS without users (with NATS_USER set it must equal it: the server enforces the user)',
    );

  program
    .command('review')
    .description("where a goal's approval stands, and the report under review")
    .argument('<goalId>', 'the goal id', parseGoalId)
    .action(async (goalId: string) =>
      withClient((client) => runReview(client, goalId, out), { provision: false }),
    );

  program
    .command('approve')
    .description(
      'approve delivery of a goal waiting for approval (once per goal: the first decision stored counts)',
    )
    .argument('<goalId>', 'the goal id', parseGoalId)
    .option('--comment <text>', 'a note for the audit trail')
    .addOption(byOption())
    .action(async (goalId: string, opts: { comment?: string; by?: string }) => {
      const by = approverOf(opts.by);
      await withClient(
        (client) => runDecide(client, goalId, { outcome: 'granted', by, comment: opts.comment }, out),
        { provision: false },
      );
    });

  program
    .command('reject')
    .description('reject a goal waiting for approval; it is not delivered (once per goal)')
    .argument('<goalId>', 'the goal id', parseGoalId)
    .requiredOption('--comment <text>', 'why (required)')
    .addOption(byOption())
    .action(async (goalId: string, opts: { comment: string; by?: string }) => {
      const by = approverOf(opts.by);
      await withClient(
        (client) => runDecide(client, goalId, { outcome: 'rejected', by, comment: opts.comment }, out),
        { provision: false },
      );
    });

  program
    .command('budget')
    .description(
      "add to a goal's budget and resume it if it was paused for want of budget (kept with who added it)",
    )
    .argument('<goalId>', 'the goal id', parseGoalId)
    .requiredOption(
      '--add <spec>',
      'what to add, e.g. cost=0.25,tokens=50000,calls=5,deadline=5m',
      (spec: string) => parseBudget(spec, true),
    )
    .addOption(new Option('--by <name>', 'who adds it (default: NATS_USER, else your login name)'))
    .action(async (goalId: string, opts: { add: GoalBudget; by?: string }) => {
      const by = opts.by ?? (env['NATS_USER'] || whoami());
      await withClient((client) => runBudgetAdd(client, goalId, { add: opts.add, by, env }, out));
    });

  program
    .command('trace')
    .description("the goal's trace waterfall from Jaeger (JAEGER_URL), with the Jaeger UI link")
    .argument('<goalId>', 'the goal id', parseGoalId)
    .action(async (goalId: string) => {
      await runTrace(goalId, env['JAEGER_URL'], out);
    });

  const dlq = program.command('dlq').description('the dead-letter stream');
  dlq
    .command('list')
    .description('list dead-letter records with their reasons')
    .option('--queue <name>', `only one queue (${Object.keys(QUEUES).join(', ')})`, parseQueueName)
    .action(async (opts: { queue?: QueueName }) => {
      await withClient((client) => runDlqList(client, out, opts.queue));
    });
  dlq
    .command('replay')
    .description("put a dead-lettered message back on its queue's task subject (dlq list shows where)")
    .argument('<id>', 'the dead-letter id, e.g. dlq/TASKS_SCRAPE/42')
    .action(async (id: string) => withClient((client) => runDlqReplay(client, id, out)));

  return program;
}
