import type { Logger } from '@nestjs/common';
import { AcceptedGoal, CONTEXT_KEYS, Ranking, SUBJECTS } from '@swarm/contracts';
import type { AgentRuntime, GoalKeysWatch } from '@swarm/transport';
import { rankingArtifactOf } from '../domain/index.js';
import type { ResumeCall } from './parked-goals.js';
import { PARKED_GOAL_KEYS, ParkedGoals } from './parked-goals.js';
import { resumeTask } from './resume-task.js';

/** How the resumer looks for deadlines and how often it sends a still-open goal's expiry resume again. */
export interface ApprovalResumerSettings {
  readonly sweepMs: number;
  readonly resumeRetryMs: number;
}

/**
 * Resumes goals parked for approval. It watches every goal's `approval`, `decision.*` and `end.report` keys (one
 * ordered consumer: the current values at start, then each change), so after a restart it knows every parked
 * goal again; on a new decision it publishes the goal's resume task at once, and every `sweepMs` it publishes
 * the resumes of goals past their deadline (and of decisions seen while catching up). Resume tasks are
 * ordinary report tasks with deterministic ids: replicas that see the same trigger publish one message, and the
 * report handler is idempotent, so a duplicate or a stale resume is harmless.
 */
export class ApprovalResumer {
  private readonly parked = new ParkedGoals();
  private watch: GoalKeysWatch | undefined;
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;
  private stopped = false;

  private constructor(
    private readonly runtime: AgentRuntime,
    private readonly settings: ApprovalResumerSettings,
    private readonly logger: Pick<Logger, 'log' | 'warn'>,
  ) {}

  /** Starts watching and sweeping; resolves once the watch is open. */
  static async start(
    runtime: AgentRuntime,
    settings: ApprovalResumerSettings,
    logger: Pick<Logger, 'log' | 'warn'>,
  ): Promise<ApprovalResumer> {
    const resumer = new ApprovalResumer(runtime, settings, logger);
    await resumer.openWatch();
    resumer.timer = setInterval(() => void resumer.sweep(), settings.sweepMs);
    return resumer;
  }

  /** How many goals are open (parked or being resumed), for tests and logs. */
  get openGoals(): number {
    return this.parked.size;
  }

  private async openWatch(): Promise<void> {
    const watch = await this.runtime.watchGoalKeys(
      PARKED_GOAL_KEYS,
      (change) => {
        this.parked.apply(change);
        if (change.isUpdate && change.key.startsWith(CONTEXT_KEYS.decisionPrefix))
          void this.publishAll(this.parked.takeDecided());
      },
      (error) => this.logger.warn(`approval watch: ${(error as Error).message}`),
    );
    this.watch = watch;
    // The watch ends with the connection; a new one replays the current values, which the index absorbs.
    void watch.closed.then(() => {
      if (this.stopped) return;
      this.logger.warn('approval watch ended; opening it again');
      setTimeout(() => void this.openWatch().catch(() => undefined), this.settings.sweepMs).unref();
    });
  }

  private async sweep(): Promise<void> {
    if (this.sweeping || this.stopped) return;
    this.sweeping = this.publishAll(this.parked.due(Date.now(), this.settings.resumeRetryMs));
    await this.sweeping;
    this.sweeping = undefined;
  }

  private async publishAll(calls: readonly ResumeCall[]): Promise<void> {
    for (const call of calls) {
      if (this.stopped) return;
      try {
        await this.resume(call);
      } catch (error) {
        this.parked.retry(call);
        this.logger.warn(`could not resume goal ${call.goalId}: ${(error as Error).message}`);
      }
    }
  }

  private async resume(call: ResumeCall): Promise<void> {
    const goal = this.runtime.goals.forGoal(call.goalId);
    const bytes = await goal.getArtifact(rankingArtifactOf(call.goalId));
    if (!bytes) throw new Error(`goal ${call.goalId} has no ranking to resume its report from`);
    const ranking = Ranking.parse(JSON.parse(new TextDecoder().decode(bytes)));
    const spec = (await goal.get(CONTEXT_KEYS.spec, AcceptedGoal))?.value;
    const message = resumeTask(call.goalId, call.trigger, ranking, spec, new Date());
    await this.runtime.publish({ subject: SUBJECTS.task.report, message });
  }

  /** Stops the sweep and the watch, and waits for a sweep under way. Idempotent. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.watch?.stop();
    await this.sweeping;
  }
}
