import { sampleGrowth, sampleReport as report, sampleRun, sampleSystem } from '../testing/sample-results.js';
import { renderMarkdown, scaleOutCell, systemsTable, targetsTable } from './markdown-report.js';
import { renderSvgChart } from './svg-chart.js';

describe('systemsTable', () => {
  it('has one row per system with its throughput ratio to raw JetStream', () => {
    const lines = systemsTable(sampleRun()).split('\n');
    expect(lines).toHaveLength(2 + 7);
    expect(lines.find((l) => l.includes('(b) swarm, tracing on'))).toContain('900 (0.45x)');
    expect(lines.find((l) => l.includes('(a) raw JetStream'))).toContain('2000 (1.00x)');
  });

  it('labels a scale-out of the whole worker, and says n/a where nothing was scaled', () => {
    const run = sampleRun();
    const lines = systemsTable(run).split('\n');
    expect(lines.find((l) => l.includes('(e) LangGraph (Postgres)'))).toMatch(
      /\| 98% \/ 95% \(whole worker\) \|$/,
    );
    expect(lines.find((l) => l.includes('(a) raw JetStream'))).toMatch(/\| 98% \/ 95% \|$/);
    const unscaled = sampleSystem('restate', {
      goalsPerSec: 1,
      p50: 1,
      p99: 1,
      idleMb: 1,
      scaleOutUnit: 'none',
    });
    expect(scaleOutCell(unscaled)).toBe('n/a (one endpoint)');
  });
});

describe('targetsTable', () => {
  it('marks missed targets in bold', () => {
    const table = targetsTable(sampleRun());
    expect(table).toContain('**missed**');
    expect(table.split('\n')[0]).toBe('| target | wanted | measured | | what bounds it |');
    expect(table).toMatch(/over BullMQ \| >= 1.0x \| 1.80 x \| met/);
    expect(table).toMatch(/over raw JetStream \| >= 0.5x \| 0.45 x \| \*\*missed\*\*/);
    expect(table).toMatch(/over Restate \(ahead of it\) \| > 1.0x \| 1.29 x \| met/);
  });
});

describe('renderMarkdown', () => {
  it('names the machine and the quieter run', () => {
    const markdown = renderMarkdown(report());
    expect(markdown).toContain('Machine: 2 CPUs (test cpu), 24.0 GiB');
    expect(markdown).toContain('PostgreSQL 15.20 (spawned), restate-server 1.7.12 (spawned).');
    expect(markdown).toContain('| (f) Restate | whole worker | 50.0 (100%) |');
    expect(markdown).toContain('Run 1 of 1 (the quieter)');
    expect(markdown).toContain('| + NestJS | 80 | +40 |');
    expect(markdown).not.toContain('The other pass');
  });

  it('adds the "how cost grows" tables after the detail tables when the run has them', () => {
    const run = { ...sampleRun(), growth: sampleGrowth() };
    const markdown = renderMarkdown({ ...report(), runs: [run] });
    expect(markdown).toContain('How cost grows (raw JetStream, swarm, tracing on)');
    expect(markdown).toContain('| (b) swarm, tracing on | 8 | 32 |');
    expect(renderMarkdown(report())).not.toContain('How cost grows');
  });

  it('shows the other pass too, so a disturbed figure can be told apart', () => {
    const runs = [sampleRun(), { ...sampleRun(), index: 1, foreignCpuShare: 0.3 }];
    const markdown = renderMarkdown({ ...report(), runs, reported: 0 });
    expect(markdown).toContain('The other pass (run 2, other processes used 30% of the CPU)');
    expect(markdown.match(/\| \(a\) raw JetStream \| 2000/g)).toHaveLength(2);
  });
});

describe('renderSvgChart', () => {
  it('draws every system in each panel without a NaN coordinate', () => {
    const svg = renderSvgChart(sampleRun(), 'a <test> & run');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/\(d\) NestJS NATS \(core\)/g)).toHaveLength(4);
    expect(svg).toContain('a &lt;test&gt; &amp; run');
    expect(svg).not.toMatch(/NaN|Infinity/);
  });
});
