import type { BudgetQuantities, BudgetView } from '../lib/api-types';
import { formatCost, formatTime } from '../lib/labels';
import { TableHead, TableScroll } from './ui';

const QUANTITIES = [
  ['costUsd', 'Cost', formatCost],
  ['tokens', 'Tokens', String],
  ['modelCalls', 'Model calls', String],
] as const satisfies ReadonlyArray<readonly [keyof BudgetQuantities, string, (n: number) => string]>;

const POLICY_TEXT: Readonly<Record<string, string>> = {
  pause: 'pause (the goal waits for someone to add to its budget)',
  degrade: 'degrade (the agents finish with their builtin brains)',
  fail: 'fail (the goal ends as failed)',
};

/** `cost +0.25, deadline +600s`: what one addition added. */
function addedText(add: BudgetQuantities, deadlineMs: number | undefined): string {
  const parts = QUANTITIES.flatMap(([key, name]) => (add[key] === undefined ? [] : [`${name} +${add[key]}`]));
  if (deadlineMs !== undefined) parts.push(`deadline +${Math.round(deadlineMs / 1_000)}s`);
  return parts.join(', ') || 'nothing';
}

/** A goal's budget: limit, spent and left per quantity, the policy, the deadline, why it ran out, the additions. */
export function BudgetTable({ budget }: { readonly budget: BudgetView }) {
  const show = (value: number | undefined, format: (n: number) => string) =>
    value === undefined ? '–' : format(value);
  return (
    <>
      <TableScroll label="Budget">
        <table>
          <caption class="visually-hidden">Budget: limit, spent and left per quantity</caption>
          <TableHead columns={['Quantity', 'Limit', 'Spent', 'Left']} />
          <tbody>
            {QUANTITIES.map(([key, name, format]) => (
              <tr key={key}>
                <th scope="row">{name}</th>
                <td>{budget.limits[key] === undefined ? 'no limit' : format(budget.limits[key])}</td>
                <td>{show(budget.spent[key], format)}</td>
                <td>{show(budget.left[key], format)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <ul class="budget-notes">
        <li>When exhausted: {POLICY_TEXT[budget.policy] ?? budget.policy}</li>
        {budget.deadlineAt && <li>Deadline: {formatTime(budget.deadlineAt)}</li>}
        {budget.exhausted && (
          <li>
            Ran out at {formatTime(budget.exhausted.at)}: {budget.exhausted.reason}
          </li>
        )}
        {(budget.additions ?? []).map((addition) => (
          <li key={addition.at}>
            Added {addedText(addition.add, addition.deadlineMs)} by {addition.by} at {formatTime(addition.at)}
            {addition.resumed ? `, resuming ${addition.resumed} parked task(s)` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}
