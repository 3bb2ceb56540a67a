import type { GoalView } from '../lib/api-types';
import { formatCost } from '../lib/labels';
import { TableHead, TableScroll } from './ui';

/** What the goal spent on language models, per agent and in total (absent when every agent used its builtin brain). */
export function UsageTable({ usage }: { readonly usage: NonNullable<GoalView['usage']> }) {
  const rows = [...usage.byAgent, { agent: 'Total', ...usage.total }];
  return (
    <TableScroll label="Model usage">
      <table>
        <caption class="visually-hidden">Model usage and cost per agent</caption>
        <TableHead columns={['Agent', 'Calls', 'Input tokens', 'Output tokens', 'Cost', 'Models']} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.agent}>
              <th scope="row">{row.agent}</th>
              <td>{row.calls}</td>
              <td>{row.inputTokens}</td>
              <td>{row.outputTokens}</td>
              <td>{formatCost(row.costUsd)}</td>
              <td>{row.models?.join(', ') ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
