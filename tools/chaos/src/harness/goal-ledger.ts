import type { StoredMessage, SwarmClient } from '@swarm/transport';
import { SUBJECTS } from '@swarm/contracts';

/** How a goal ended, as the events stream says. */
export interface GoalFinal {
  readonly type: 'goal.completed' | 'goal.failed';
  /** Server time of the event, in epoch milliseconds. */
  readonly at: number;
  /** `goal.completed` outcome (`delivered`, `nothing-found`, ...). */
  readonly outcome?: string;
  /** `goal.failed` reason code. */
  readonly reason?: string;
}

const FINAL_SUBJECTS = [SUBJECTS.event('*', 'goal.completed'), SUBJECTS.event('*', 'goal.failed')] as const;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Tracks the goals a scenario submitted and how each ended, by following `goal.completed` and `goal.failed` on
 * the events stream (and re-reading the stream when the live follow may have stalled, e.g. across a broker
 * restart). A goal is lost when it was submitted and has no final event by the deadline.
 */
export class GoalLedger {
  private readonly submittedAt = new Map<string, number>();
  private readonly finals = new Map<string, GoalFinal>();
  private readonly bothEnds = new Set<string>();
  private readonly abort = new AbortController();
  private followers: Promise<void>[] = [];

  constructor(private readonly client: SwarmClient) {}

  /** Starts following the final events (from the beginning of the stream). */
  start(): void {
    this.followers = FINAL_SUBJECTS.map((subject) => this.follow(subject));
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.all(this.followers);
  }

  /** Records a goal the bus acknowledged. */
  markSubmitted(goalId: string, at = Date.now()): void {
    if (!this.submittedAt.has(goalId)) this.submittedAt.set(goalId, at);
  }

  get submitted(): number {
    return this.submittedAt.size;
  }

  /** Submitted goals without a final event yet. */
  unfinished(): string[] {
    return [...this.submittedAt.keys()].filter((goalId) => !this.finals.has(goalId));
  }

  /** The final event of each submitted goal that has one. */
  finalsOfSubmitted(): Map<string, GoalFinal> {
    const out = new Map<string, GoalFinal>();
    for (const goalId of this.submittedAt.keys()) {
      const final = this.finals.get(goalId);
      if (final) out.set(goalId, final);
    }
    return out;
  }

  /** The final event of any goal (submitted by this ledger or not). */
  finalOf(goalId: string): GoalFinal | undefined {
    return this.finals.get(goalId);
  }

  /** Server times of the final events of submitted goals, ascending. */
  finishTimes(): number[] {
    return [...this.finalsOfSubmitted().values()].map((f) => f.at).sort((a, b) => a - b);
  }

  /** Goals that got both a `goal.completed` and a `goal.failed` (should never happen). */
  contradictory(): string[] {
    return [...this.bothEnds];
  }

  /** Re-reads every final event stored so far (fills anything the live follow missed). */
  async reconcile(): Promise<void> {
    for (const subject of FINAL_SUBJECTS) {
      const stored = await this.client.readStream(this.client.topology.eventsStream, subject, {
        limit: 1_000_000,
      });
      for (const message of stored) this.record(message);
    }
  }

  /**
   * Waits until every submitted goal has a final event, or `timeoutMs` passes. Re-reads the stream after
   * `stallMs` without progress. Resolves true when nothing is unfinished.
   */
  async waitForAll(timeoutMs: number, options: { readonly stallMs?: number } = {}): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    const stallMs = options.stallMs ?? 10_000;
    let lastCount = -1;
    let lastProgress = Date.now();
    while (Date.now() < deadline) {
      const left = this.unfinished().length;
      if (left === 0) return true;
      if (left !== lastCount) {
        lastCount = left;
        lastProgress = Date.now();
      } else if (Date.now() - lastProgress >= stallMs) {
        await this.reconcile().catch(() => undefined);
        lastProgress = Date.now();
      }
      await sleep(250);
    }
    await this.reconcile().catch(() => undefined);
    return this.unfinished().length === 0;
  }

  private async follow(subject: string): Promise<void> {
    const signal = this.abort.signal;
    for (let attempt = 0; attempt < 10_000 && !signal.aborted; attempt++) {
      try {
        for await (const message of this.client.followEvents(subject, signal)) this.record(message);
      } catch {
        // the follow broke (broker restart, lost leader): start again from the beginning
      }
      if (!signal.aborted) await sleep(500);
    }
  }

  private record(message: StoredMessage): void {
    const body = message.body as { type?: unknown; goalId?: unknown; outcome?: unknown; reason?: unknown };
    if (typeof body !== 'object' || body === null || typeof body.goalId !== 'string') return;
    const known = this.finals.get(body.goalId);
    if (known) {
      if ((body.type === 'goal.completed' || body.type === 'goal.failed') && body.type !== known.type)
        this.bothEnds.add(body.goalId);
      return;
    }
    if (body.type === 'goal.completed') {
      this.finals.set(body.goalId, {
        type: 'goal.completed',
        at: message.time.getTime(),
        outcome: typeof body.outcome === 'string' ? body.outcome : undefined,
      });
    } else if (body.type === 'goal.failed') {
      const reason = (body.reason as { code?: unknown } | undefined)?.code;
      this.finals.set(body.goalId, {
        type: 'goal.failed',
        at: message.time.getTime(),
        reason: typeof reason === 'string' ? reason : undefined,
      });
    }
  }
}
