import { useState } from 'preact/hooks';
import type { ApiClient } from '../lib/api';
import type { SubmitResult } from '../lib/api-types';
import { hrefOf } from '../lib/route';
import { refusalOf } from '../lib/roles';
import { ErrorNotice, PageTitle } from '../components/ui';

/** The most packages a goal may ask for (the contracts' `LIMITS.topNMax`; the API checks it too). */
const TOP_N_MAX = 25;

/** The form that submits a goal (`POST /goals`); opens the goal's page once it is accepted. */
export function SubmitPage({ api, roles }: { readonly api: ApiClient; readonly roles: readonly string[] }) {
  const refusal = refusalOf(roles, 'submit');
  const [text, setText] = useState('');
  const [topN, setTopN] = useState('5');
  const [requireApproval, setRequireApproval] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.post<SubmitResult>('/goals', {
        text: text.trim(),
        topN: Number(topN),
        requireApproval,
      });
      location.hash = hrefOf({ page: 'goal', goalId: result.goalId });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };
  return (
    <>
      <PageTitle>Submit a goal</PageTitle>
      {refusal && (
        <p class="notice" id="submit-refusal">
          {refusal}
        </p>
      )}
      <form class="stack" onSubmit={(e) => void submit(e)}>
        <fieldset
          disabled={refusal !== undefined || busy}
          aria-describedby={refusal ? 'submit-refusal' : undefined}
        >
          <label for="goal-text">What are you looking for?</label>
          <textarea
            id="goal-text"
            name="text"
            rows={3}
            maxLength={2000}
            required
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
            aria-describedby="goal-text-hint"
          />
          <p id="goal-text-hint" class="hint">
            For example: “a TypeScript library to validate JSON schemas”.
          </p>
          <label for="top-n">Top N packages</label>
          <input
            id="top-n"
            name="topN"
            type="number"
            inputMode="numeric"
            min={1}
            max={TOP_N_MAX}
            required
            value={topN}
            onInput={(e) => setTopN(e.currentTarget.value)}
          />
          <div class="check">
            <input
              id="require-approval"
              name="requireApproval"
              type="checkbox"
              checked={requireApproval}
              onChange={(e) => setRequireApproval(e.currentTarget.checked)}
            />
            <label for="require-approval">Require approval before the report is delivered</label>
          </div>
          <button type="submit">{busy ? 'Submitting…' : 'Submit goal'}</button>
        </fieldset>
        <ErrorNotice error={error} />
      </form>
    </>
  );
}
