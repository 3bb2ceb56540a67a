import type { StoredMessage } from '@swarm/transport';
import type { GoalEvent } from '@swarm/goal-views';
import type { TimelineEntry } from './gateway-operations.js';

/** A goal event with the events stream sequence it was stored at. */
export interface SequencedEvent {
  readonly seq: number;
  readonly event: GoalEvent;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** Why a task failed or a goal failed, as one line. Pure. */
function reasonOf(body: Record<string, unknown>): string | undefined {
  const error = (body['error'] ?? body['reason']) as { code?: unknown; message?: unknown } | undefined;
  if (!error || typeof error !== 'object') return undefined;
  const code = str(error.code);
  const message = str(error.message);
  return code && message ? `${code}: ${message}` : (message ?? code);
}

/**
 * What else matters about an event, as one line: retry timing, dead letter, hand-off, outcome, what ran out of
 * budget and how to resume, who added to it. Pure.
 */
function detailOf(event: GoalEvent): string | undefined {
  const b = event.body;
  switch (event.type) {
    case 'task.failed': {
      if (b['willRetry'] === true) return `retry in ${num(b['retryInMs']) ?? 0}ms`;
      const deadLetter = str(b['deadLetterId']);
      return deadLetter ? `dead-lettered as ${deadLetter}` : 'gave up';
    }
    case 'task.completed': {
      const emitted = Array.isArray(b['emitted'])
        ? (b['emitted'] as unknown[]).filter((e) => typeof e === 'string')
        : [];
      return emitted.length > 0 ? `handed off ${emitted.join(', ')}` : undefined;
    }
    case 'goal.completed':
      return [str(b['outcome']), str(b['summary'])].filter(Boolean).join(': ') || undefined;
    case 'approval.granted':
    case 'approval.rejected':
      return [str(b['by']), str(b['comment'])].filter(Boolean).join(': ') || undefined;
    case 'budget.exhausted': {
      const hint = str(b['resumeHint']);
      return (
        `${str(b['shortfall']) ?? 'budget'} ran out (policy ${str(b['policy']) ?? '?'}): ${str(b['reason']) ?? ''}` +
        (hint ? `; resume with: ${hint}` : '')
      );
    }
    case 'budget.added': {
      const add = (b['add'] ?? {}) as Record<string, unknown>;
      const added = Object.entries(add).map(([name, value]) => `${name} +${String(value)}`);
      if (num(b['deadlineMs']) !== undefined) added.push(`deadlineMs +${num(b['deadlineMs'])}`);
      const resumed = Array.isArray(b['resumed']) ? b['resumed'].length : 0;
      return `by ${str(b['by']) ?? '?'}: ${added.join(', ') || 'nothing'}; ${resumed} parked task(s) resumed`;
    }
    default:
      return undefined;
  }
}

/** One timeline entry per event: who (agent kind, replica), which task, which attempt, why it failed. Pure. */
export function toTimelineEntry({ seq, event }: SequencedEvent): TimelineEntry {
  const b = event.body;
  const agent = b['agent'] as { kind?: unknown; instance?: unknown } | undefined;
  const attempt = num(b['deliveryCount']) ?? num(b['attempt']);
  const entry: Record<string, unknown> = {
    seq,
    time: event.time.toISOString(),
    type: event.type,
    taskId: str(b['taskId']),
    queue: str(b['queue']),
    agent: str(agent?.kind),
    instance: str(agent?.instance),
    attempt,
    durationMs: num(b['durationMs']),
    reason: reasonOf(b),
    detail: detailOf(event),
  };
  for (const key of Object.keys(entry)) if (entry[key] === undefined) delete entry[key];
  return entry as TimelineEntry;
}

/** Pairs each stored message with the goal event it holds (messages that hold none are skipped). Pure. */
export function sequenced(
  messages: readonly StoredMessage[],
  toEvents: (m: readonly StoredMessage[]) => GoalEvent[],
): SequencedEvent[] {
  return messages.flatMap((message) =>
    toEvents([message]).map((event) => ({ seq: message.streamSequence, event })),
  );
}

/** The W3C trace id in a `traceparent` header value (`00-<trace id>-<span id>-<flags>`), if valid. Pure. */
export function traceIdOf(traceparent: string | undefined): string | undefined {
  const match = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/.exec(traceparent ?? '');
  return match?.[1] && !/^0+$/.test(match[1]) ? match[1] : undefined;
}
