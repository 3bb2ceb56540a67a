import { useState } from 'preact/hooks';
import type { ApiClient } from '../lib/api';
import type { PendingApproval } from '../lib/api-types';
import { formatTime } from '../lib/labels';
import { hrefOf } from '../lib/route';
import { ApprovalForm } from '../components/approval-form';
import { useLoad } from '../components/hooks';
import { ReportView } from '../components/report-view';
import { ErrorNotice, PageTitle } from '../components/ui';

/** How often the inbox asks for pending approvals again while it is shown. */
const INBOX_REFRESH_MS = 5_000;

/** The goals waiting for a human: each with the report under review and approve / reject. */
export function ApprovalsPage({
  api,
  roles,
}: {
  readonly api: ApiClient;
  readonly roles: readonly string[];
}) {
  const inbox = useLoad(
    (signal) => api.get<{ approvals: PendingApproval[] }>('/approvals?status=pending', signal),
    'approvals',
    INBOX_REFRESH_MS,
  );
  const [decided, setDecided] = useState<string | undefined>(undefined);
  const approvals = inbox.value?.approvals ?? [];
  return (
    <>
      <PageTitle>Approvals</PageTitle>
      <p role="status" class="lead">
        {decided ?? (inbox.value ? `${approvals.length} waiting for a decision.` : '')}
      </p>
      <ErrorNotice error={inbox.error} />
      {inbox.value && approvals.length === 0 && <p>Nothing is waiting for approval.</p>}
      {approvals.map((approval) => (
        <article class="card" key={approval.goalId} aria-labelledby={`title-${approval.goalId}`}>
          <h2 id={`title-${approval.goalId}`}>
            <a href={hrefOf({ page: 'goal', goalId: approval.goalId })}>{approval.text ?? approval.goalId}</a>
          </h2>
          <p class="muted">
            Asked {formatTime(approval.requestedAt)}
            {approval.expiresAt && <>; expires {formatTime(approval.expiresAt)}</>}
          </p>
          <details open={approvals.length === 1}>
            <summary>Report under review</summary>
            <ReportView
              api={api}
              title={`Report preview for ${approval.text ?? approval.goalId}`}
              markdownUrl={
                approval.previewUrl ??
                `/goals/${encodeURIComponent(approval.goalId)}/report?format=md&stage=preview`
              }
              htmlUrl={undefined}
            />
          </details>
          <ApprovalForm
            api={api}
            roles={roles}
            goalId={approval.goalId}
            onDecided={(outcome) => {
              setDecided(
                `${outcome === 'approved' ? 'Approved' : 'Rejected'}: ${approval.text ?? approval.goalId}.`,
              );
              inbox.reload();
            }}
          />
        </article>
      ))}
    </>
  );
}
