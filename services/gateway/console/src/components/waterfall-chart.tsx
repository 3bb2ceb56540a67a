import type { TimelineEntry } from '../lib/api-types';
import { counted, formatDuration } from '../lib/labels';
import type { AttemptStatus } from '../lib/waterfall';
import { layoutWaterfall, taskLabel } from '../lib/waterfall';
import { TableHead, TableScroll } from './ui';

const STATUS_TEXT: Record<AttemptStatus, string> = {
  running: 'Running',
  completed: 'Completed',
  retry: 'Failed, retried',
  'dead-letter': 'Dead-lettered',
  failed: 'Failed',
};

/**
 * Every task attempt of a goal as a waterfall: one row per claim, with the replica that took it, how it ended and
 * a bar on a shared time axis; goal-level events are listed under it. The bars are decoration: every number is
 * also in the table's text.
 */
export function WaterfallChart({
  goalId,
  entries,
  nowMs,
}: {
  readonly goalId: string;
  readonly entries: readonly TimelineEntry[];
  readonly nowMs: number;
}) {
  const waterfall = layoutWaterfall(entries, nowMs);
  if (waterfall.rows.length === 0 && waterfall.marks.length === 0) return <p class="muted">No events yet.</p>;
  return (
    <>
      <p class="muted">
        {counted(waterfall.rows.length, 'attempt')} by {counted(waterfall.lanes.length, 'replica')} over{' '}
        {formatDuration(waterfall.spanMs)}.
      </p>
      <TableScroll label="Waterfall">
        <table class="waterfall">
          <caption class="visually-hidden">Task attempts, in the order they were claimed</caption>
          <TableHead columns={['Task', 'Replica', 'Attempt', 'Outcome', 'Start', 'Took', 'Time']} />
          <tbody>
            {waterfall.rows.map((row) => (
              <tr key={row.key} class={`status-${row.status}`}>
                <th scope="row" class="mono" title={row.taskId}>
                  {taskLabel(row.taskId, goalId)}
                </th>
                <td class="mono">{row.lane}</td>
                <td>{row.attempt}</td>
                <td>
                  {STATUS_TEXT[row.status]}
                  {row.handedOff && ', handed off'}
                  {row.reason && <div class="muted reason">{row.reason}</div>}
                </td>
                <td class="nowrap">+{formatDuration(row.startMs)}</td>
                <td class="nowrap">
                  {row.status === 'running' ? '…' : formatDuration(row.endMs - row.startMs)}
                </td>
                <td class="bar-col" aria-hidden="true">
                  <div class="track">
                    {waterfall.marks.map((mark) => (
                      <span key={mark.seq} class="mark" style={{ left: `${mark.atPct}%` }} />
                    ))}
                    <span class="bar" style={{ left: `${row.offsetPct}%`, width: `${row.widthPct}%` }} />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {waterfall.marks.length > 0 && (
        <>
          <h3>Goal events</h3>
          <ol class="marks">
            {waterfall.marks.map((mark) => (
              <li key={mark.seq}>
                <span class="mono">{mark.type}</span> at +{formatDuration(mark.atMs)}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
