import { useState } from 'preact/hooks';
import type { ApiClient } from '../lib/api';
import type { DeadLetter } from '../lib/api-types';
import { counted, formatTime } from '../lib/labels';
import { hrefOf } from '../lib/route';
import { refusalOf } from '../lib/roles';
import { useLoad } from '../components/hooks';
import { ErrorNotice, Fact, PageTitle } from '../components/ui';

/** The queues a dead letter can come from (the agents' task queues). */
const QUEUES = ['search', 'scrape', 'rank', 'report'] as const;

/** Dead letters (operator only): why each failed, its payload, and a replay button. */
export function DeadLettersPage({
  api,
  roles,
}: {
  readonly api: ApiClient;
  readonly roles: readonly string[];
}) {
  const refusal = refusalOf(roles, 'deadLetters');
  if (refusal)
    return (
      <>
        <PageTitle>Dead letters</PageTitle>
        <p class="notice">{refusal}</p>
      </>
    );
  return <DeadLetterList api={api} />;
}

function reasonText(reason: DeadLetter['reason']): string {
  if (typeof reason === 'string') return reason;
  return [reason.code, reason.message].filter(Boolean).join(': ');
}

function DeadLetterList({ api }: { readonly api: ApiClient }) {
  const [queue, setQueue] = useState('');
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [replayError, setReplayError] = useState<Error | undefined>(undefined);
  const list = useLoad(
    (signal) =>
      api.get<{ deadLetters: DeadLetter[] }>(`/dead-letters${queue ? `?queue=${queue}` : ''}`, signal),
    queue,
  );
  const replay = async (letter: DeadLetter) => {
    setReplayError(undefined);
    setStatus(undefined);
    try {
      const result = await api.post<{ replayedTo?: string }>(
        `/dead-letters/${encodeURIComponent(letter.id)}/replay`,
        {},
      );
      setStatus(`Replayed ${letter.id} to ${result.replayedTo ?? 'its queue'}.`);
      list.reload();
    } catch (e) {
      setReplayError(e instanceof Error ? e : new Error(String(e)));
    }
  };
  const letters = list.value?.deadLetters ?? [];
  return (
    <>
      <PageTitle>Dead letters</PageTitle>
      <div class="filters">
        <label for="dlq-queue">Queue</label>
        <select id="dlq-queue" value={queue} onChange={(e) => setQueue(e.currentTarget.value)}>
          <option value="">All queues</option>
          {QUEUES.map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </select>
        <button type="button" onClick={list.reload}>
          Refresh
        </button>
      </div>
      <p role="status">{status ?? (list.value ? `${counted(letters.length, 'dead letter')}.` : '')}</p>
      <ErrorNotice error={replayError ?? list.error} />
      {letters.map((letter) => (
        <article class="card" key={letter.id} aria-labelledby={`dl-${letter.id}`}>
          <h2 id={`dl-${letter.id}`} class="mono">
            {letter.queue}: {letter.id}
          </h2>
          <dl class="facts">
            <Fact term="Reason">{reasonText(letter.reason)}</Fact>
            {letter.goalId && (
              <Fact term="Goal">
                <a class="mono" href={hrefOf({ page: 'goal', goalId: letter.goalId })}>
                  {letter.goalId}
                </a>
              </Fact>
            )}
            <Fact term="Failed">
              {formatTime(letter.failedAt)}
              {letter.attempts !== undefined && ` after ${counted(letter.attempts, 'attempt')}`}
            </Fact>
          </dl>
          {letter.payloadPreview !== undefined && (
            <details>
              <summary>Payload preview</summary>
              <pre class="payload" tabIndex={0}>
                {letter.payloadPreview}
              </pre>
            </details>
          )}
          {letter.replay?.ok === false && (
            <p class="notice" id={`replay-${letter.id}`}>
              Cannot replay: {letter.replay.reason}
            </p>
          )}
          <button
            type="button"
            onClick={() => void replay(letter)}
            disabled={letter.replay?.ok === false}
            aria-describedby={letter.replay?.ok === false ? `replay-${letter.id}` : undefined}
            aria-label={`Replay ${letter.id}`}
          >
            Replay
          </button>
        </article>
      ))}
    </>
  );
}
