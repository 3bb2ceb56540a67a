import type { ScenarioResult } from './scenario-result.js';
import { scenarioVerdict } from './scenario-result.js';

const VERDICT_LABEL = { pass: 'PASS', fail: 'FAIL' } as const;

const COLUMNS = [
  '#',
  'scenario',
  'submitted',
  'completed',
  'failed',
  'lost',
  'dup deliveries',
  'resent',
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
    String(result.duplicatedDeliveries),
    result.resends === result.resendsExplained
      ? String(result.resends)
      : `${result.resends} (${result.resends - result.resendsExplained} unexplained)`,
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
  if (results.some((r) => r.resends > 0)) {
    out.push(
      'resent: a copy of a report already applied, sent again because its sender could not record the delivery ' +
        '(killed, cut off, or NATS unavailable right after sending); it carries the same Idempotency-Key, and the ' +
        'receiver acknowledged it without applying it twice',
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
      `duplicated deliveries ${result.duplicatedDeliveries} / resent ${result.resends} (${result.resendsExplained} explained) / ` +
      `dead-lettered ${result.deadLettered} / ` +
      `recovery ${seconds(result.recoverySeconds)} s / ${seconds(result.durationSeconds)} s`,
  ];
  for (const [key, value] of Object.entries(result.figures)) lines.push(`  ${key}: ${value}`);
  for (const check of result.checks)
    lines.push(`  ${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`);
  for (const note of result.notes) lines.push(`  note: ${note}`);
  return lines.join('\n');
}
