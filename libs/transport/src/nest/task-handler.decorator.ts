import { applyDecorators, UseFilters } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import type { QueueBinding } from '../queue/queue-binding.js';
import { TaskErrorPassthroughFilter } from './task-error-passthrough.filter.js';

/** The extras the decorators attach, read back by JetStreamServer. */
export interface SwarmHandlerExtras {
  readonly swarmRole: 'task' | 'dead-letter';
  readonly swarmBinding: QueueBinding;
}

/**
 * Declares the method that handles the tasks of a queue. It gets `(payload, ctx: TaskContext)` with the payload
 * already validated against the binding's schema, and returns a `TaskResult` (or nothing). Throw `TaskError` to
 * choose between retry with backoff and dead-letter.
 */
export function TaskHandler(binding: QueueBinding): MethodDecorator {
  return swarmHandler('task', binding);
}

/**
 * Declares the method that runs after a task of the queue was dead-lettered: `(record, ctx: DeadLetterContext)`.
 * Use it to keep a goal moving without the failed task (for example, count a failed scrape in the join).
 */
export function OnDeadLetter(binding: QueueBinding): MethodDecorator {
  return swarmHandler('dead-letter', binding);
}

/** Registers the pattern, binds argument 0 to the payload and 1 to the context, and passes errors through. */
function swarmHandler(role: SwarmHandlerExtras['swarmRole'], binding: QueueBinding): MethodDecorator {
  const extras: SwarmHandlerExtras = { swarmRole: role, swarmBinding: binding };
  const pattern = applyDecorators(
    MessagePattern(`${role}:${binding.queue.name}`, extras),
    UseFilters(TaskErrorPassthroughFilter),
  );
  return (target, key, descriptor) => {
    Payload()(target, key, 0);
    Ctx()(target, key, 1);
    return pattern(target, key, descriptor);
  };
}
