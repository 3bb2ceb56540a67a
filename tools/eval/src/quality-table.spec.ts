import { EVAL_ERROR_CODES } from './errors.js';
import { renderQualityTable, replaceBetweenMarkers, TABLE_MARKERS } from './quality-table.js';
import type { GoalScore } from './scoring.js';
import { thrownBy } from './testing/thrown-by.js';

const score = (over: Partial<GoalScore>): GoalScore => ({
  goalId: 'mcp-sdk',
  kind: 'topic',
  outcome: 'delivered',
  returned: 5,
  ndcg: 0.5,
  precision: 0.4,
  honest: null,
  ...over,
});

describe('renderQualityTable', () => {
  const table = renderQualityTable(
    [
      { score: score({}), text: 'MCP SDK' },
      {
        score: score({
          goalId: 'charting',
          kind: 'unanswerable',
          ndcg: null,
          precision: null,
          honest: false,
        }),
        text: 'charting | graphs',
      },
    ],
    { goals: 2, meanNdcg: 0.5, meanPrecision: 0.4, honest: 0, unanswerable: 1 },
  );

  it('prints one row per goal with its scores and a mean row', () => {
    const lines = table.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[2]?.split('|').map((cell) => cell.trim())).toEqual([
      '',
      '`mcp-sdk`: MCP SDK',
      'topic',
      'delivered',
      '5',
      '0.50',
      '0.40',
      '-',
      '',
    ]);
    expect(lines[4]).toMatch(
      /^\| \*\*mean\*\* \(2 goals\) .*\| \*\*0\.50\*\* \| \*\*0\.40\*\* \| \*\*0\/1 honest\*\* +\|$/,
    );
  });

  it('shows honesty for an unanswerable goal and escapes pipes in the goal text', () => {
    const row = table.split('\n')[3]!;
    expect(row).toMatch(/^\| `charting`: charting \\\| graphs \| unanswerable \|/);
    expect(row).toMatch(/\| +- \| +- \| NOT honest +\|$/);
  });
  it('pads every row to the same width, as prettier formats a table, so a rewritten doc stays formatted', () => {
    const lengths = new Set(table.split('\n').map((line) => line.length));
    expect(lengths.size).toBe(1);
    expect(table.split('\n')[1]).toMatch(/^\| -+ \| -+ \| -+ \| -+: \| -+: \| -+: \| -+ \|$/);
  });
});

describe('replaceBetweenMarkers', () => {
  const doc = `# Quality\n\n${TABLE_MARKERS.begin}\nold\n${TABLE_MARKERS.end}\n\nafter\n`;

  it('replaces only the text between the markers, set off by blank lines', () => {
    expect(replaceBetweenMarkers(doc, 'new')).toBe(
      `# Quality\n\n${TABLE_MARKERS.begin}\n\nnew\n\n${TABLE_MARKERS.end}\n\nafter\n`,
    );
  });

  it('refuses a document without the markers', () => {
    expect(thrownBy(() => replaceBetweenMarkers('# Quality\n', 'new')).code).toBe(
      EVAL_ERROR_CODES.missingMarkers,
    );
  });
});
