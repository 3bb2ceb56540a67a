import type { ScenarioResult } from './scenario-result.js';
import { scenarioVerdict } from './scenario-result.js';

const VERDICT_LABEL = { pass: 'PASS', 'pass-known-limit': 'PASS*', fail: 'FAIL' } as const;

const COLUMNS = [
  '#',
  'scenario',
  'submitted',
  'completed',
  'failed',
  'lost',
  'dup deliveries',
  'dead-lettered',
  'recovery s',
  'time s',
  'verdict',
] as const;
/** Columns holding numbers: right-aligned. */
const NUMERIC = new Set<string>(COLUMNS.filter((c) => c !== 'scenario' && c !== 'verdict'));

function seconds(value: number | undefined): string {
  return value === undefined ? '-' : value.toFixed(1);
}

function row(result: ScenarioResult): string[] {
  return [
    String(result.number),
    result.title,
    String(result.submitted),
    String(result.completed),
    String(result.failed),
    String(result.lost),
    result.duplicatesInSendWindow > 0
      ? `${result.duplicatedDeliveries} (${result.duplicatesInSendWindow}*)`
      : String(result.duplicatedDeliveries),
    String(result.deadLettered),
    seconds(result.recoverySeconds),
    seconds(result.durationSeconds),
    VERDICT_LABEL[scenarioVerdict(result)],
  ];
}

/**
 * Renders results as a plain-text table with a header rule (numbers right-aligned), followed by each failed
 * check. Pure.
 */
export function renderResultTable(results: readonly ScenarioResult[]): string {
  const rows = results.map(row);
  const widths = COLUMNS.map((column, i) =>
    Math.max(column.length, ...rows.map((cells) => cells[i]!.length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (NUMERIC.has(COLUMNS[i]!) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [line(COLUMNS), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  if (results.some((r) => r.duplicatesInSendWindow > 0)) {
    out.push(
      '* a repeat sent because the sender could not record the delivery after sending it (killed, cut off, or NATS ' +
        'unavailable); every copy carries the same Idempotency-Key, so a receiver that honours it keeps one',
    );
  }
  for (const result of results) {
    for (const check of result.checks.filter((c) => !c.ok)) {
      out.push(`  ${result.number} ${result.name}: check failed: ${check.name}: ${check.detail}`);
    }
  }
  return out.join('\n');
}

/** Renders one result as a block: the headline counts, the figures, the checks and the notes. Pure. */
export function renderResultDetail(result: ScenarioResult): string {
  const lines = [
    `[${result.number}] ${result.title}: ${VERDICT_LABEL[scenarioVerdict(result)]}`,
    `  submitted ${result.submitted} / completed ${result.completed} / failed ${result.failed} / lost ${result.lost} / ` +
      `duplicated deliveries ${result.duplicatedDeliveries} (${result.duplicatesInSendWindow} in the send window) / dead-lettered ${result.deadLettered} / ` +
      `recovery ${seconds(result.recoverySeconds)} s / ${seconds(result.durationSeconds)} s`,
  ];
  for (const [key, value] of Object.entries(result.figures)) lines.push(`  ${key}: ${value}`);
  for (const check of result.checks)
    lines.push(`  ${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`);
  for (const note of result.notes) lines.push(`  note: ${note}`);
  return lines.join('\n');
}
