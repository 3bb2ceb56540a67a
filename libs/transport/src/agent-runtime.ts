import type { AgentRef, DeploymentKey } from '@swarm/contracts';
import { BusConnection } from './bus/bus-connection.js';
import { publishMessage } from './bus/publisher.js';
import { PresenceBeacon } from './presence/presence-beacon.js';
import { GoalContextFactory } from './context/goal-context-factory.js';
import { openRateLimits } from './rate-limit/open-rate-limits.js';
import { Provisioner } from './provision/provisioner.js';
import { DeadLetterer } from './queue/dead-letterer.js';
import { MaxDeliveriesSweeper } from './queue/max-deliveries-sweeper.js';
import type { GoalKeyChange, GoalKeysWatch } from './context/goal-keys-watch.js';
import type {
  DeadLetterHookFn,
  OutboundMessage,
  QueueBinding,
  TaskHandlerFn,
} from './queue/queue-binding.js';
import { QueueWorker } from './queue/queue-worker.js';
import type { TransportLogger } from './queue/task-runner.js';
import { TaskRunner } from './queue/task-runner.js';
import type { TransportSettings } from './settings.js';
import type { BusTopology } from './topology.js';

/** A handler registered for one queue. */
export interface QueueRegistration {
  readonly binding: QueueBinding;
  readonly handler: TaskHandlerFn;
  readonly deadLetterHook?: DeadLetterHookFn;
}

/** Health as a probe sees it: ready = connected and every consumer bound. */
export interface RuntimeHealth {
  readonly connected: boolean;
  readonly ready: boolean;
  readonly serverVersion: string;
  readonly queues: readonly { readonly queue: string; readonly bound: boolean; readonly inFlight: number }[];
}

const consoleLogger: TransportLogger = {
  log: (m) => console.log(m),
  warn: (m) => console.warn(m),
  error: (m) => console.error(m),
};

/**
 * One agent replica's connection to the swarm: provisions the topology, runs a competing consumer per queue and
 * a max-deliveries sweeper, and shuts down gracefully. The Nest transport is a thin shell around it.
 */
export class AgentRuntime {
  private stopped = false;

  private constructor(
    readonly bus: BusConnection,
    readonly goals: GoalContextFactory,
    private readonly workers: readonly QueueWorker[],
    private readonly sweepers: readonly MaxDeliveriesSweeper[],
    private readonly presence: PresenceBeacon | undefined,
  ) {}

  static async start(
    options: {
      readonly settings: TransportSettings;
      readonly topology: BusTopology;
      readonly agentKind: string;
      readonly logger?: TransportLogger;
    },
    registrations: readonly QueueRegistration[],
  ): Promise<AgentRuntime> {
    const { settings, topology } = options;
    const logger = options.logger ?? consoleLogger;
    const agent: AgentRef = { kind: options.agentKind, instance: settings.instanceId };
    const bus = await BusConnection.open(settings, `${options.agentKind}:${settings.instanceId}`);
    if (settings.replicas > 1 && !bus.features.serializedClusteredCas) {
      logger.warn(
        `nats-server ${bus.features.version} does not serialize compare-and-set on clustered streams (fixed in 2.9.21, ` +
          'nats-io/nats-server#4320): two racing goal-context updates (an approval decided as it expires) can ' +
          'both be accepted. Upgrade the cluster.',
      );
    }
    try {
      const provisioner = new Provisioner(bus, settings, (message) => logger.warn(message));
      await provisioner.ensureTopology(topology);
      for (const { binding } of registrations) await provisioner.ensureQueue(binding.queue, topology);
      const goals = await GoalContextFactory.open(bus, topology, settings.casMaxAttempts);
      const goalContext = (goalId: string) => goals.forGoal(goalId);
      const rateLimits = await openRateLimits(bus, topology, settings, logger);
      const workers: QueueWorker[] = [];
      const sweepers: MaxDeliveriesSweeper[] = [];
      for (const { binding, handler, deadLetterHook } of registrations) {
        const deadLetterer = new DeadLetterer({
          bus,
          topology,
          binding,
          agent,
          settings,
          hook: deadLetterHook,
          goalContext,
        });
        const runner = new TaskRunner({
          bus,
          settings,
          topology,
          binding,
          agent,
          handler,
          deadLetterer,
          goalContext,
          logger,
          rateLimits,
        });
        workers.push(new QueueWorker(bus, binding, runner, settings, logger));
        sweepers.push(
          new MaxDeliveriesSweeper(bus, topology, binding, deadLetterer, settings.pullExpiresMs, logger),
        );
      }
      for (const worker of workers) await worker.start();
      for (const sweeper of sweepers) await sweeper.start();
      const queueNames = registrations.map((r) => r.binding.queue.name);
      // Announced once it serves: readers count this replica as live while the record is refreshed.
      const presence = await PresenceBeacon.start(
        bus,
        topology.presenceBucket,
        { kind: agent.kind, instance: agent.instance, queues: queueNames },
        logger,
      ).catch((error: unknown) => {
        logger.warn(
          `${agent.kind} ${agent.instance}: presence not announced (${(error as Error).message}); ` +
            'it serves, but the live replica counts leave it out',
        );
        return undefined;
      });
      logger.log(
        `${agent.kind} ${agent.instance} serving ${queueNames.join(', ')} ` +
          `(nats ${bus.features.version}, ${settings.inFlight} in flight)`,
      );
      return new AgentRuntime(bus, goals, workers, sweepers, presence);
    } catch (error) {
      await bus.close();
      throw error;
    }
  }

  health(): RuntimeHealth {
    const connected = !this.bus.nc.isClosed() && !this.stopped;
    const queues = this.workers.map((worker) => ({
      queue: worker.queueName,
      bound: worker.bound,
      inFlight: worker.inFlight,
    }));
    return {
      connected,
      ready: connected && queues.every((q) => q.bound),
      serverVersion: this.bus.features.version,
      queues,
    };
  }

  /**
   * Publishes a message outside any task (e.g. a task that resumes a parked goal), with its deterministic
   * `messageId` as `Nats-Msg-Id`, so replicas publishing the same message store it once; awaits the PubAck.
   */
  async publish(outbound: OutboundMessage): Promise<void> {
    await publishMessage(this.bus, outbound);
  }

  /**
   * Announces something about this deployment: puts `value` (JSON) under a deployment-level key of the goals
   * bucket (`DEPLOYMENT_KEYS`, e.g. the communications agent's `DeliveryCapabilities`), which clients read
   * before they submit. A plain put: replicas writing the same content is fine. Needs publish rights on
   * `$KV.<goals bucket>.<key>`; throws what the server answers otherwise.
   */
  putDeploymentRecord(key: DeploymentKey, value: unknown): Promise<void> {
    return this.goals.putDeploymentRecord(key, value);
  }

  /**
   * Watches the goal-context keys of every goal that match `patterns` (full keys with NATS wildcards, e.g.
   * `*.decision.*`): the current values first (`isUpdate` false), then each change in revision order. Stop the
   * watch before `stop()`; it also ends when the connection closes.
   */
  watchGoalKeys(
    patterns: readonly string[],
    onChange: (change: GoalKeyChange) => void | Promise<void>,
    onError: (error: unknown) => void,
  ): Promise<GoalKeysWatch> {
    return this.goals.watch(patterns, onChange, onError);
  }

  /**
   * Withdraws its presence record, stops pulling, drains in-flight work until the deadline, then closes the
   * connection. Idempotent.
   */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.presence?.stop();
    for (const sweeper of this.sweepers) sweeper.stop();
    await Promise.all(this.workers.map((worker) => worker.stop()));
    await this.bus.close();
  }
}
