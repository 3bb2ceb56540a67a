import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../lib/api';
import { ApiError } from '../lib/api';
import type { GoalView } from '../lib/api-types';
import { counted, formatTime, goalLabel } from '../lib/labels';
import { ApprovalForm } from '../components/approval-form';
import { useLoad } from '../components/hooks';
import { ReportView } from '../components/report-view';
import { ErrorNotice, Fact, PageTitle, StateBadge } from '../components/ui';
import { UsageTable } from '../components/usage-table';
import { BudgetForm } from '../components/budget-form';
import { BudgetTable } from '../components/budget-table';
import { may } from '../lib/roles';
import { budgetMatters } from '../lib/budget';
import { WaterfallChart } from '../components/waterfall-chart';

/** How long the page gathers live events before it reads the goal again (one read for a burst of events). */
const REFRESH_AFTER_EVENT_MS = 300;

type Feed = 'connecting' | 'live' | 'reconnecting' | 'ended' | 'stopped';
const FEED_TEXT: Record<Feed, string> = {
  connecting: 'Connecting to live events…',
  live: 'Live: following events as they happen.',
  reconnecting: 'Connection lost; reconnecting…',
  ended: 'The goal has ended.',
  stopped: 'Live events stopped.',
};

/**
 * One goal: its state, live as it changes, the waterfall of its tasks, usage, budget (an operator may add to it
 * while the goal waits for budget), report and approval.
 */
export function GoalPage({
  api,
  roles,
  goalId,
}: {
  readonly api: ApiClient;
  readonly roles: readonly string[];
  readonly goalId: string;
}) {
  const path = `/goals/${encodeURIComponent(goalId)}`;
  const view = useLoad((signal) => api.get<GoalView>(path, signal), goalId);
  const [feed, setFeed] = useState<Feed>('connecting');
  const [feedError, setFeedError] = useState<Error | undefined>(undefined);
  const [eventsSeen, setEventsSeen] = useState(0);
  const reloadRef = useRef(view.reload);
  reloadRef.current = view.reload;

  useEffect(() => {
    const controller = new AbortController();
    let pending: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      pending ??= setTimeout(() => {
        pending = undefined;
        reloadRef.current();
      }, REFRESH_AFTER_EVENT_MS);
    };
    api
      .follow(
        `${path}/events`,
        () => {
          setEventsSeen((n) => n + 1);
          refresh();
        },
        controller.signal,
        (live) => setFeed(live ? 'live' : 'reconnecting'),
      )
      .then(
        () => {
          if (controller.signal.aborted) return;
          setFeed('ended');
          reloadRef.current();
        },
        (e: unknown) => {
          setFeed('stopped');
          setFeedError(e instanceof Error ? e : new Error(String(e)));
        },
      );
    return () => {
      controller.abort();
      clearTimeout(pending);
    };
  }, [api, path]);

  const goal = view.value;
  if (!goal) {
    const notFound = view.error instanceof ApiError && view.error.status === 404;
    return (
      <>
        <PageTitle>{notFound ? 'Goal not found' : 'Goal'}</PageTitle>
        <p class="mono">{goalId}</p>
        <ErrorNotice error={view.error} />
        {view.loading && <p class="muted">Loading…</p>}
      </>
    );
  }
  const label = goalLabel(goal.state, goal.outcome);
  const awaiting = goal.state === 'awaiting-approval';
  const topUp = goal.state === 'awaiting-budget' && may(roles, 'addBudget');
  return (
    <>
      <PageTitle>{goal.text ?? goal.goalId}</PageTitle>
      <dl class="facts">
        <Fact term="State">
          <StateBadge state={goal.state} outcome={goal.outcome} />
        </Fact>
        <Fact term="Goal id">
          <span class="mono">{goal.goalId}</span>
        </Fact>
        <Fact term="Started">{formatTime(goal.startedAt)}</Fact>
        <Fact term="Ended">{formatTime(goal.endedAt)}</Fact>
        {goal.counts && (
          <Fact term="Tasks">
            {counted(goal.counts.claims, 'claim')}, {goal.counts.completedTasks} completed,{' '}
            {counted(goal.counts.retries, 'retry', 'retries')}, {goal.counts.deadLettered} dead-lettered
          </Fact>
        )}
        {goal.approval && goal.approval.status !== 'not-requested' && (
          <Fact term="Approval">{approvalText(goal.approval)}</Fact>
        )}
        {goal.traceUrl && (
          <Fact term="Trace">
            <a href={goal.traceUrl} target="_blank" rel="noreferrer noopener">
              Open the trace in Jaeger
            </a>
          </Fact>
        )}
      </dl>
      {goal.summary && <p class="summary">{goal.summary}</p>}
      <p class={`feed feed-${feed}`} role="status">
        {label.ended && feed !== 'stopped' ? FEED_TEXT.ended : FEED_TEXT[feed]}
        {eventsSeen > 0 && ` ${counted(eventsSeen, 'event')} received.`}
      </p>
      <ErrorNotice error={feedError ?? view.error} />

      {awaiting && (
        <section aria-labelledby="approval-heading">
          <h2 id="approval-heading">Awaiting your decision</h2>
          <ReportView
            api={api}
            title="Report preview"
            markdownUrl={`${path}/report?format=md&stage=preview`}
            htmlUrl={undefined}
          />
          <ApprovalForm api={api} roles={roles} goalId={goal.goalId} onDecided={view.reload} />
        </section>
      )}

      <section aria-labelledby="waterfall-heading">
        <h2 id="waterfall-heading">Waterfall</h2>
        <WaterfallChart goalId={goal.goalId} entries={goal.timeline ?? []} nowMs={Date.now()} />
      </section>

      {goal.usage && (
        <section aria-labelledby="usage-heading">
          <h2 id="usage-heading">Model usage and cost</h2>
          <UsageTable usage={goal.usage} />
        </section>
      )}

      {budgetMatters(goal.budget) && (
        <section aria-labelledby="budget-heading">
          <h2 id="budget-heading">Budget</h2>
          <BudgetTable budget={goal.budget} />
          {topUp && <BudgetForm api={api} goalId={goal.goalId} onAdded={view.reload} />}
        </section>
      )}

      {goal.reports && (
        <section aria-labelledby="report-heading">
          <h2 id="report-heading">Report</h2>
          <ReportView
            api={api}
            title="Report"
            markdownUrl={goal.reports.markdown}
            htmlUrl={goal.reports.html}
          />
        </section>
      )}
    </>
  );
}

function approvalText(approval: NonNullable<GoalView['approval']>): string {
  if (approval.status !== 'decided')
    return approval.status === 'pending' ? 'Waiting for a decision' : 'Expired';
  const what = approval.outcome === 'rejected' ? 'Rejected' : 'Approved';
  return `${what}${approval.by ? ` by ${approval.by}` : ''}${approval.comment ? `: “${approval.comment}”` : ''}`;
}
