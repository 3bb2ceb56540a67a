import type { BenchRun } from '../stats/bench-results.js';
import { efficiencyAt } from '../stats/derive.js';

interface Bar {
  readonly value: number;
  readonly color: string;
  readonly text: string;
}

interface Panel {
  readonly title: string;
  readonly rows: readonly { readonly label: string; readonly bars: readonly Bar[] }[];
  readonly legend: readonly { readonly name: string; readonly color: string }[];
  /** Fixed scale maximum (else the largest value). */
  readonly max?: number;
  /** A dashed vertical line, e.g. a target. */
  readonly marker?: { readonly value: number; readonly text: string };
}

const WIDTH = 1_000;
const PANEL_W = 480;
const LABEL_W = 150;
const BAR_H = 11;
const FONT = 'font-family="system-ui, sans-serif"';
const COLORS = ['#2f6db5', '#e08a2c'] as const;

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const finite = (value: number) => (Number.isFinite(value) ? value : 0);
const fmt = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const percent = (value: number) => (Number.isFinite(value) ? `${(value * 100).toFixed(0)}%` : 'n/a');

function panelHeight(panel: Panel): number {
  return 48 + panel.rows.length * (panel.rows[0]?.bars.length ?? 1) * (BAR_H + 2) + panel.rows.length * 8;
}

function renderPanel(panel: Panel, x: number, y: number): string {
  const plotW = PANEL_W - LABEL_W - 80;
  const max = panel.max ?? Math.max(1e-9, ...panel.rows.flatMap((r) => r.bars.map((b) => finite(b.value))));
  const scale = (value: number) => (Math.max(0, finite(value)) / max) * plotW;
  const parts: string[] = [
    `<text x="${x}" y="${y + 14}" ${FONT} font-size="14" font-weight="600">${escapeXml(panel.title)}</text>`,
  ];
  panel.legend.forEach((entry, i) => {
    const lx = x + LABEL_W + i * 110;
    parts.push(
      `<rect x="${lx}" y="${y + 22}" width="10" height="10" fill="${entry.color}"/>`,
      `<text x="${lx + 14}" y="${y + 31}" ${FONT} font-size="11">${escapeXml(entry.name)}</text>`,
    );
  });
  let rowY = y + 42;
  for (const row of panel.rows) {
    const rowH = row.bars.length * (BAR_H + 2);
    parts.push(
      `<text x="${x + LABEL_W - 6}" y="${rowY + rowH / 2 + 4}" ${FONT} font-size="11" text-anchor="end">` +
        `${escapeXml(row.label)}</text>`,
    );
    row.bars.forEach((bar, i) => {
      const by = rowY + i * (BAR_H + 2);
      const w = scale(bar.value);
      parts.push(
        `<rect x="${x + LABEL_W}" y="${by}" width="${w.toFixed(1)}" height="${BAR_H}" fill="${bar.color}"/>`,
        `<text x="${(x + LABEL_W + w + 4).toFixed(1)}" y="${by + BAR_H - 2}" ${FONT} font-size="10">` +
          `${escapeXml(bar.text)}</text>`,
      );
    });
    rowY += rowH + 8;
  }
  if (panel.marker) {
    const mx = x + LABEL_W + scale(panel.marker.value);
    parts.push(
      `<line x1="${mx.toFixed(1)}" y1="${y + 38}" x2="${mx.toFixed(1)}" y2="${rowY - 4}" stroke="#c0392b" ` +
        `stroke-dasharray="4 3"/>`,
      `<text x="${(mx + 3).toFixed(1)}" y="${rowY + 6}" ${FONT} font-size="10" fill="#c0392b">` +
        `${escapeXml(panel.marker.text)}</text>`,
    );
  }
  return parts.join('\n');
}

/** An SVG chart of one run: throughput, latency, memory and scale-out efficiency per system. Pure. */
export function renderSvgChart(run: BenchRun, subtitle: string): string {
  const label = (id: string, letter: string, name: string) => `(${letter}) ${name}`.slice(0, 28) || id;
  const rows = <T>(bars: (s: BenchRun['systems'][number]) => T) =>
    run.systems.map((s) => ({ label: label(s.id, s.letter, s.label), bars: bars(s) }));
  const panels: Panel[] = [
    {
      title: 'Throughput at saturation (goals/s)',
      legend: [{ name: 'goals/s', color: COLORS[0] }],
      rows: rows((s) => [
        {
          value: s.throughput.goalsPerSec,
          color: COLORS[0],
          text: `${fmt(s.throughput.goalsPerSec, 0)} (${fmt(run.relative[s.id]?.throughput ?? Number.NaN, 2)}x a)`,
        },
      ]),
    },
    {
      title: 'Unloaded end-to-end latency, 4 hops (ms)',
      legend: [
        { name: 'p50', color: COLORS[0] },
        { name: 'p99', color: COLORS[1] },
      ],
      rows: rows((s) => [
        { value: s.latencyMs.p50, color: COLORS[0], text: fmt(s.latencyMs.p50, 2) },
        { value: s.latencyMs.p99, color: COLORS[1], text: fmt(s.latencyMs.p99, 2) },
      ]),
    },
    {
      title: 'RSS per stage or worker process, largest (MB)',
      legend: [
        { name: 'idle', color: COLORS[0] },
        { name: 'under load', color: COLORS[1] },
      ],
      marker: { value: 100, text: 'idle target 100 MB' },
      rows: rows((s) => [
        { value: s.rssMb.idleMax, color: COLORS[0], text: fmt(s.rssMb.idleMax, 0) },
        { value: s.rssMb.loadMax, color: COLORS[1], text: fmt(s.rssMb.loadMax, 0) },
      ]),
    },
    {
      title: 'Scale-out efficiency of the I/O-bound stage',
      legend: [
        { name: '2 replicas', color: COLORS[0] },
        { name: '4 replicas', color: COLORS[1] },
      ],
      max: 1.2,
      marker: { value: 0.9, text: 'target 90%' },
      rows: rows((s) => [
        { value: efficiencyAt(s, 2), color: COLORS[0], text: percent(efficiencyAt(s, 2)) },
        { value: efficiencyAt(s, 4), color: COLORS[1], text: percent(efficiencyAt(s, 4)) },
      ]),
    },
  ];
  const top = 56;
  const rowOne = Math.max(panelHeight(panels[0]!), panelHeight(panels[1]!)) + 20;
  const rowTwo = Math.max(panelHeight(panels[2]!), panelHeight(panels[3]!)) + 20;
  const height = top + rowOne + rowTwo;
  const body = [
    renderPanel(panels[0]!, 10, top),
    renderPanel(panels[1]!, 10 + PANEL_W + 20, top),
    renderPanel(panels[2]!, 10, top + rowOne),
    renderPanel(panels[3]!, 10 + PANEL_W + 20, top + rowOne),
  ];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="10" y="24" ${FONT} font-size="18" font-weight="700">Swarm benchmark: one pipeline, ` +
      `${run.systems.length} systems</text>`,
    `<text x="10" y="42" ${FONT} font-size="12" fill="#555">${escapeXml(subtitle)}</text>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
