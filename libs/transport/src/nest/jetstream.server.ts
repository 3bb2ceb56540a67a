import type { CustomTransportStrategy, MessageHandler } from '@nestjs/microservices';
import { Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import type { QueueRegistration, RuntimeHealth } from '../agent-runtime.js';
import { AgentRuntime } from '../agent-runtime.js';
import { NotConnectedError } from '../errors.js';
import type { DeadLetterRecord } from '@swarm/contracts';
import type {
  DeadLetterContext,
  DeadLetterHookFn,
  QueueBinding,
  TaskContext,
  TaskHandlerFn,
  TaskResult,
} from '../queue/queue-binding.js';
import type { TransportSettings } from '../settings.js';
import type { BusTopology } from '../topology.js';
import type { SwarmHandlerExtras } from './task-handler.decorator.js';

/** Options of the JetStream transport. */
export interface JetStreamServerOptions {
  readonly settings: TransportSettings;
  readonly topology: BusTopology;
  /** The agent kind, e.g. `scraper` (shows in events, logs and traces). */
  readonly agentKind: string;
}

function isSwarmExtras(extras: unknown): extras is SwarmHandlerExtras {
  return typeof extras === 'object' && extras !== null && 'swarmRole' in extras && 'swarmBinding' in extras;
}

/**
 * NestJS custom transport on NATS JetStream work queues. Methods decorated with `@TaskHandler(binding)` become
 * competing consumers of the binding's durable; `close()` (SIGTERM with shutdown hooks) drains gracefully.
 */
export class JetStreamServer extends Server implements CustomTransportStrategy {
  private runtime: AgentRuntime | undefined;

  constructor(private readonly options: JetStreamServerOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      this.runtime = await AgentRuntime.start(
        {
          ...this.options,
          logger: {
            log: (m) => void this.logger.log(m),
            warn: (m) => void this.logger.warn(m),
            error: (m) => void this.logger.error(m),
          },
        },
        this.registrations(),
      );
      this._status$.next('connected');
      callback();
    } catch (error) {
      callback(error);
    }
  }

  private registrations(): QueueRegistration[] {
    const tasks = new Map<string, { binding: QueueBinding; handler: TaskHandlerFn }>();
    const hooks = new Map<string, DeadLetterHookFn>();
    for (const handler of this.messageHandlers.values()) {
      const extras: unknown = handler.extras;
      if (!isSwarmExtras(extras)) continue;
      const name = extras.swarmBinding.queue.name;
      if (extras.swarmRole === 'task') {
        tasks.set(name, {
          binding: extras.swarmBinding,
          handler: this.invoker<unknown, TaskContext>(handler),
        });
      } else {
        hooks.set(name, this.invoker<DeadLetterRecord, DeadLetterContext>(handler));
      }
    }
    for (const name of hooks.keys()) {
      if (!tasks.has(name))
        throw new Error(`@OnDeadLetter for queue "${name}" has no @TaskHandler for that queue`);
    }
    return [...tasks.entries()].map(([name, { binding, handler }]) => ({
      binding,
      handler,
      deadLetterHook: hooks.get(name),
    }));
  }

  private invoker<P, C>(handler: MessageHandler): (payload: P, ctx: C) => Promise<TaskResult | void> {
    return async (payload, ctx) => {
      const result: unknown = await handler(payload, ctx);
      return (await lastValueFrom(this.transformToObservable(result), {
        defaultValue: undefined,
      })) as TaskResult | void;
    };
  }

  /** Health for readiness/liveness probes. */
  health(): RuntimeHealth {
    return this.runtime?.health() ?? { connected: false, ready: false, serverVersion: 'unknown', queues: [] };
  }

  /** The running agent runtime (its bus and goal contexts). */
  get agentRuntime(): AgentRuntime {
    if (!this.runtime) throw new NotConnectedError('use the agent runtime');
    return this.runtime;
  }

  async close(): Promise<void> {
    await this.runtime?.stop();
    this._status$.next('disconnected');
  }

  on(): never {
    throw new Error(
      'JetStreamServer has no event listeners: read health() or the swarm events stream instead',
    );
  }

  unwrap<T>(): T {
    return this.agentRuntime.bus.nc as T;
  }
}
