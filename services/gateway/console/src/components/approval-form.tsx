import { useState } from 'preact/hooks';
import type { ApiClient } from '../lib/api';
import { refusalOf } from '../lib/roles';
import { ErrorNotice } from './ui';

/** Approve or reject a goal's report, with a comment (`POST /goals/{goalId}/approval`). */
export function ApprovalForm({
  api,
  roles,
  goalId,
  onDecided,
}: {
  readonly api: ApiClient;
  readonly roles: readonly string[];
  readonly goalId: string;
  readonly onDecided: (outcome: 'approved' | 'rejected') => void;
}) {
  const refusal = refusalOf(roles, 'decide');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const id = `approval-${goalId}`;
  const decide = async (outcome: 'approved' | 'rejected') => {
    if (outcome === 'rejected' && comment.trim() === '') {
      setError('Say why you reject it: a rejection needs a comment.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`/goals/${encodeURIComponent(goalId)}/approval`, {
        outcome,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      onDecided(outcome);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack approval-form" onSubmit={(e) => e.preventDefault()} aria-label="Decision">
      {refusal && (
        <p class="notice" id={`${id}-refusal`}>
          {refusal}
        </p>
      )}
      <fieldset
        disabled={refusal !== undefined || busy}
        aria-describedby={refusal ? `${id}-refusal` : undefined}
      >
        <label for={`${id}-comment`}>Comment</label>
        <textarea
          id={`${id}-comment`}
          rows={2}
          maxLength={1000}
          value={comment}
          onInput={(e) => setComment(e.currentTarget.value)}
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} class="hint">
          Optional when approving, required when rejecting. Recorded with your name in the goal's audit trail.
        </p>
        <div class="actions">
          <button type="button" onClick={() => void decide('approved')}>
            Approve
          </button>
          <button type="button" class="danger" onClick={() => void decide('rejected')}>
            Reject
          </button>
        </div>
      </fieldset>
      <ErrorNotice error={error} />
    </form>
  );
}
