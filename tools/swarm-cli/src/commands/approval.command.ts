import type { ApprovalState } from '@swarm/contracts';
import { ApprovalRequested, readApproval } from '@swarm/contracts';
import type { SwarmClient } from '@swarm/transport';
import { closedReason, decideApproval } from '@swarm/goal-views';
import { CliError, EXIT_CODES } from '../errors.js';

/** A decision as the CLI takes it: the outcome, its comment, and the approver identity it is recorded under. */
export interface CliDecision {
  readonly outcome: 'granted' | 'rejected';
  /** The approver identity (`approverIdentity`): the decision key's last token. */
  readonly by: string;
  readonly comment?: string;
}

/** The summary the goal's `approval.requested` event carries, when the event is stored and valid. */
async function requestSummary(client: SwarmClient, goalId: string): Promise<string | undefined> {
  const subject = client.topology.eventSubject(goalId, 'approval.requested');
  const stored = await client.readMessage(client.topology.eventsStream, { last: subject });
  const event = ApprovalRequested.safeParse(stored?.body);
  return event.success && event.data.goalId === goalId ? event.data.summary : undefined;
}

/** What is under review: the request's deadline, the report artifact, and the summary of the request event. */
async function reviewLines(
  client: SwarmClient,
  goalId: string,
  request: ApprovalState,
  hint: string,
): Promise<string[]> {
  const summary = await requestSummary(client, goalId);
  return [
    `goal ${goalId} waits for approval until ${request.expiresAt}`,
    `report under review: ${request.reportArtifact}${hint}`,
    ...(summary ? [`summary: ${summary}`] : []),
  ];
}

/**
 * `swarm approve|reject <goal>`: prints what is under review, records the decision under `identity`, and says
 * whether it is the one that counts. Throws GoalViewsError (`approval-not-pending`, `invalid-decision`: exit 2
 * through `exitOf`) when the goal takes no decision or another one came first.
 */
export async function runDecide(
  client: SwarmClient,
  goalId: string,
  decision: CliDecision,
  out: (line: string) => void,
): Promise<void> {
  const { by, ...input } = decision;
  const recorded = await decideApproval(client, goalId, input, by, {
    review: async (request) => {
      for (const line of await reviewLines(client, goalId, request, ` (swarm review ${goalId} prints it)`))
        out(line);
    },
  });
  out(
    recorded.outcome === 'granted'
      ? `approved ${goalId} as ${recorded.identity}: the swarm delivers the report`
      : `rejected ${goalId} as ${recorded.identity}: the report is not delivered`,
  );
}

/**
 * `swarm review <goal>`: where the goal's approval stands and the report under review (the preview communications
 * stored before asking). Throws CliError (exit 2) when the goal never asked for approval.
 */
export async function runReview(
  client: SwarmClient,
  goalId: string,
  out: (line: string) => void,
  now = new Date(),
): Promise<void> {
  const goal = await client.goal(goalId);
  const { resolution } = await readApproval(goal);
  if (resolution.status === 'not-requested')
    throw new CliError(`goal ${goalId} is not waiting for approval`, EXIT_CODES.usage);
  const closed = closedReason(goalId, resolution, '', now);
  const lines = closed ? [closed] : await reviewLines(client, goalId, resolution.request, '');
  for (const line of lines) out(line);
  const bytes = await goal.getArtifact(resolution.request.reportArtifact);
  if (!bytes) {
    out(`the report ${resolution.request.reportArtifact} is not stored (any more)`);
    return;
  }
  out('');
  for (const line of new TextDecoder().decode(bytes).split('\n')) out(line);
}
