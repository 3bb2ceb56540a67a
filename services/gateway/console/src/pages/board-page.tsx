import { useState } from 'preact/hooks';
import type { ApiClient } from '../lib/api';
import type { GoalPage } from '../lib/api-types';
import { formatDuration, formatTime } from '../lib/labels';
import { hrefOf } from '../lib/route';
import { useLoad } from '../components/hooks';
import { ErrorNotice, PageTitle, StateBadge, TableHead, TableScroll } from '../components/ui';

/** How often the board asks for the goals again while it is shown. */
export const BOARD_REFRESH_MS = 2_000;
/** Goals per page. */
export const BOARD_PAGE_SIZE = 20;

/** The goals, newest first, a page at a time, refreshed while shown. */
export function BoardPage({ api }: { readonly api: ApiClient }) {
  // The cursors of the pages before this one, so "Newer" can go back.
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const query = new URLSearchParams({ limit: String(BOARD_PAGE_SIZE) });
  if (cursor) query.set('cursor', cursor);
  const page = useLoad(
    (signal) => api.get<GoalPage>(`/goals?${query}`, signal),
    query.toString(),
    BOARD_REFRESH_MS,
  );
  const goals = page.value?.goals ?? [];
  return (
    <>
      <PageTitle>Goals</PageTitle>
      <p class="lead">
        Newest first, updated live. <a href={hrefOf({ page: 'submit' })}>Submit a goal</a>.
      </p>
      <ErrorNotice error={page.error} />
      {page.value && goals.length === 0 && <p>No goals yet.</p>}
      {goals.length > 0 && (
        <TableScroll label="Goals">
          <table>
            <caption class="visually-hidden">Goals, newest first</caption>
            <TableHead columns={['Goal', 'State', 'Stage', 'Submitted', 'Took']} />
            <tbody>
              {goals.map((goal) => (
                <tr key={goal.goalId}>
                  <th scope="row">
                    <a href={hrefOf({ page: 'goal', goalId: goal.goalId })}>{goal.text ?? goal.goalId}</a>
                    <div class="muted mono">{goal.goalId}</div>
                  </th>
                  <td>
                    <StateBadge state={goal.state} />
                  </td>
                  <td>{goal.stage ?? '–'}</td>
                  <td>{formatTime(goal.submittedAt)}</td>
                  <td>{tookOf(goal.submittedAt, goal.endedAt, goal.ageSeconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <nav class="pager" aria-label="Pages of goals">
        <button
          type="button"
          disabled={cursors.length === 1}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          Newer
        </button>
        <button
          type="button"
          disabled={!page.value?.nextCursor}
          onClick={() => setCursors([...cursors, page.value?.nextCursor])}
        >
          Older
        </button>
      </nav>
    </>
  );
}

function tookOf(
  submittedAt: string | undefined,
  endedAt: string | undefined,
  ageSeconds: number | undefined,
): string {
  if (submittedAt && endedAt) return formatDuration(Date.parse(endedAt) - Date.parse(submittedAt));
  return ageSeconds === undefined ? '–' : `${formatDuration(ageSeconds * 1000)} so far`;
}
