import { useState } from 'preact/hooks';
import type { ApiClient } from '../lib/api';
import type { BudgetAdditionFields } from '../lib/budget';
import { budgetAdditionBody } from '../lib/budget';
import { ErrorNotice } from './ui';

const FIELDS = [
  ['costUsd', 'Cost (US$)', '0.01', 'decimal'],
  ['tokens', 'Tokens', '1', 'numeric'],
  ['modelCalls', 'Model calls', '1', 'numeric'],
  ['deadlineMinutes', 'Deadline (minutes)', 'any', 'decimal'],
] as const satisfies ReadonlyArray<readonly [keyof BudgetAdditionFields, string, string, string]>;

const EMPTY: BudgetAdditionFields = { costUsd: '', tokens: '', modelCalls: '', deadlineMinutes: '' };

/**
 * Adds to a goal's budget and resumes it (`POST /goals/{goalId}/budget`). The page shows it only to an operator
 * while the goal waits for budget.
 */
export function BudgetForm({
  api,
  goalId,
  onAdded,
}: {
  readonly api: ApiClient;
  readonly goalId: string;
  readonly onAdded: () => void;
}) {
  const [fields, setFields] = useState<BudgetAdditionFields>(EMPTY);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const id = `budget-${goalId}`;
  const submit = async () => {
    const body = budgetAdditionBody(fields);
    if (typeof body === 'string') {
      setError(body);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`/goals/${encodeURIComponent(goalId)}/budget`, body);
      setFields(EMPTY);
      onAdded();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      class="stack budget-form"
      aria-label="Add to budget"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset disabled={busy}>
        {FIELDS.map(([key, label, step, mode]) => (
          <div key={key} class="stack">
            <label for={`${id}-${key}`}>{label}</label>
            <input
              id={`${id}-${key}`}
              type="number"
              min="0"
              step={step}
              inputMode={mode}
              value={fields[key]}
              onInput={(e) => setFields({ ...fields, [key]: e.currentTarget.value })}
              aria-describedby={`${id}-hint`}
            />
          </div>
        ))}
        <p id={`${id}-hint`} class="hint">
          Fill in what to add (at least one). The deadline counts from now when it has passed. Recorded with
          your name in the goal's budget; the paused tasks resume at once.
        </p>
        <div class="actions">
          <button type="submit">Add to budget</button>
        </div>
      </fieldset>
      <ErrorNotice error={error} />
    </form>
  );
}
