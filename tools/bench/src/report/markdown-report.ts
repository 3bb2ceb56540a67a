import type { BenchReport, BenchRun, ProfileSummary, SystemResult } from '../stats/bench-results.js';
import { efficiencyAt } from '../stats/derive.js';
import { explainTarget } from '../stats/target-bounds.js';
import { growthSection } from './growth-tables.js';
import type { ScaleOutUnit } from '../systems/pipeline-driver.js';

const num = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const ratio = (value: number | undefined) => (value === undefined ? '' : ` (${num(value, 2)}x)`);
const pct = (value: number) => (Number.isFinite(value) ? `${Math.round(value * 100)}%` : 'n/a');
const REPLICATED = {
  stage: 'scrape stage',
  worker: 'whole worker',
  none: 'not scaled',
} as const satisfies Record<ScaleOutUnit, string>;

/** The main table: one row per system, every ratio to (a) from the same run. Pure. */
export function systemsTable(run: BenchRun): string {
  const header =
    '| system | goals/s | hand-offs/s | p50 ms | p99 ms | added per hop ms | CPU ms/goal | RSS idle MB | RSS load MB | scale-out eff. 2 / 4 |';
  const rule = '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |';
  const rows = run.systems.map((s) => {
    const rel = run.relative[s.id];
    const lost = s.throughput.lost > 0 ? ` (${s.throughput.lost} lost)` : '';
    return [
      `(${s.letter}) ${s.label}`,
      `${num(s.throughput.goalsPerSec, 0)}${ratio(rel?.throughput)}${lost}`,
      num(s.throughput.handoffsPerSec, 0),
      `${num(s.latencyMs.p50, 2)}${ratio(rel?.p50)}`,
      `${num(s.latencyMs.p99, 2)}${ratio(rel?.p99)}`,
      rel ? num(rel.addedPerHopMs, 3) : 'n/a',
      `${num(s.cpuMsPerGoal.total, 2)}${ratio(rel?.cpuPerGoal)}`,
      `${num(s.rssMb.idleMax, 0)}${ratio(rel?.rssIdle)}`,
      num(s.rssMb.loadMax, 0),
      scaleOutCell(s),
    ];
  });
  return [header, rule, ...rows.map((cells) => `| ${cells.join(' | ')} |`)].join('\n');
}

/**
 * The scale-out cell: efficiency at 2 / 4 replicas of the I/O-bound stage, marked when the whole worker was
 * replicated instead, n/a when the system was not scaled. Pure.
 */
export function scaleOutCell(s: SystemResult): string {
  if (s.scaleOutUnit === 'none') return 'n/a (one endpoint)';
  const cell = `${pct(efficiencyAt(s, 2))} / ${pct(efficiencyAt(s, 4))}`;
  return s.scaleOutUnit === 'worker' ? `${cell} (whole worker)` : cell;
}

/**
 * The targets of the issue, met or missed; with the report, a missed one says what bounds it (the ablation and
 * footprint of the same report, see target-bounds.ts). Pure.
 */
export function targetsTable(run: BenchRun, report?: BenchReport): string {
  if (run.targets.length === 0) return '_no targets checked (the swarm with tracing on did not run)_';
  const rows = run.targets.map((t) => {
    const measured =
      t.unit === '' ? pct(t.measured) : `${num(t.measured, t.unit === 'MB' ? 0 : 2)} ${t.unit}`;
    const bound = (report && explainTarget(t, run, report)) ?? '';
    return `| ${t.description} | ${t.target} | ${measured} | ${t.met ? 'met' : '**missed**'} | ${bound} |`;
  });
  return [
    '| target | wanted | measured | | what bounds it |',
    '| --- | --- | ---: | --- | --- |',
    ...rows,
  ].join('\n');
}

/** Scale-out throughput per replica count, and where the CPU per goal went. Pure. */
export function detailTables(run: BenchRun): string {
  const replicas = [...new Set(run.systems.flatMap((s) => s.scaleOut.map((p) => p.replicas)))].sort(
    (a, b) => a - b,
  );
  const scale = [
    `| system | replicated | ${replicas.map((k) => `${k} replica${k > 1 ? 's' : ''} goals/s (eff.)`).join(' | ')} |`,
    `| --- | --- | ${replicas.map(() => '---:').join(' | ')} |`,
    ...run.systems.map((s) => {
      const cells = replicas.map((k) => {
        const point = s.scaleOut.find((p) => p.replicas === k);
        return point ? `${num(point.goalsPerSec, 1)} (${pct(point.efficiency)})` : 'n/a';
      });
      return `| (${s.letter}) ${s.label} | ${REPLICATED[s.scaleOutUnit ?? 'stage']} | ${cells.join(' | ')} |`;
    }),
  ];
  return [...scale, '', cpuTable(run)].join('\n');
}

/** Where the CPU per goal went, how noisy the machine was meanwhile, and the latency spread. Pure. */
export function cpuTable(run: BenchRun): string {
  return [
    "| system | stage or worker processes | broker or store server | harness | total CPU ms/goal | others' CPU share meanwhile | latency min / mean / max ms |",
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...run.systems.map(
      (s) =>
        `| (${s.letter}) ${s.label} | ${num(s.cpuMsPerGoal.stages, 2)} | ${num(s.cpuMsPerGoal.broker, 2)} | ` +
        `${num(s.cpuMsPerGoal.harness, 2)} | ${num(s.cpuMsPerGoal.total, 2)} | ${pct(s.cpuMsPerGoal.othersShare)} | ` +
        `${num(s.latencyMs.min, 2)} / ${num(s.latencyMs.mean, 2)} / ${num(s.latencyMs.max, 2)} |`,
    ),
  ].join('\n');
}

/** The hot spots of the profiled stage processes. Pure. */
export function profileTables(profiles: readonly ProfileSummary[]): string {
  return profiles
    .map((p) => {
      const categories = p.byCategory
        .slice(0, 8)
        .map((c) => `${c.name} ${pct(c.share)}`)
        .join(', ');
      const frames = p.topFrames
        .slice(0, 12)
        .map((f) => `| ${f.name} | ${f.location} | ${num(f.selfMs, 0)} | ${pct(f.share)} |`);
      const inclusive = p.topInclusive
        .slice(0, 12)
        .map((f) => `| ${f.name} | ${f.location} | ${num(f.totalMs, 0)} | ${pct(f.share)} |`);
      return [
        `**${p.system} / ${p.stage}**: ${num(p.cpuUsPerTask, 0)} µs of CPU per task over ${p.tasks} tasks ` +
          `(${num(p.totalMs, 0)} ms sampled). By category: ${categories}.`,
        '',
        '| function (self time) | where | self ms | share |',
        '| --- | --- | ---: | ---: |',
        ...frames,
        '',
        '| messaging and tracing function (with callees) | where | total ms | share |',
        '| --- | --- | ---: | ---: |',
        ...inclusive,
      ].join('\n');
    })
    .join('\n\n');
}

/** The swarm's protocol priced piece by piece, each step over the first. Pure. */
export function ablationTable(steps: BenchReport['ablation']): string {
  const first = steps[0];
  const rows = steps.map(
    (s) =>
      `| ${s.name} | ${s.description} | ${num(s.goalsPerSec, 0)}${first ? ratio(s.goalsPerSec / first.goalsPerSec) : ''} | ` +
      `${num(s.p50Ms, 2)} | ${num(s.p99Ms, 2)} | ${num(s.cpuMsPerGoal.stages, 2)} | ${num(s.cpuMsPerGoal.broker, 2)} | ` +
      `${pct(s.cpuMsPerGoal.othersShare)} |`,
  );
  return [
    "| step | what it adds | goals/s | p50 ms | p99 ms | stage CPU ms/goal | nats-server CPU ms/goal | others' CPU |",
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

/** RSS of a fresh process importing each layer of an agent in turn. Pure. */
export function footprintTable(steps: BenchReport['footprint']): string {
  let previous = 0;
  const rows = steps.map((step) => {
    const delta = step.rssMb - previous;
    const added = previous === 0 ? '' : `${delta >= 0 ? '+' : ''}${num(delta, 0)}`;
    previous = step.rssMb;
    return `| ${step.name} | ${num(step.rssMb, 0)} | ${added} |`;
  });
  return ['| an idle process importing | RSS MB | added |', '| --- | ---: | ---: |', ...rows].join('\n');
}

function growthWorkload(growth: BenchReport['settings']['growth']): string {
  if (!growth || growth.systems.length === 0) return '';
  return (
    ` How cost grows: the search stage fanning out to ${growth.fanOuts.join(', ')} scrapes per goal (joined ` +
    `before rank, one replica per stage), then ${growth.replicas.join(', ')} replicas of every stage (one task ` +
    `per hop); about ${growth.tasks} tasks at saturation per point (at least 20 goals) and ` +
    `${growth.latencyGoals} goals one at a time.`
  );
}

function otlpLine(systems: readonly SystemResult[]): string {
  const traced = systems.filter((s) => s.otlp !== undefined);
  if (traced.length === 0) return '';
  const parts = traced.map((s) => `${s.label}: ${s.otlp!.requests} requests, ${s.otlp!.bytes} bytes`);
  return `OTLP receiver: ${parts.join('; ')}.`;
}

/** The whole Markdown report of a benchmark: machine, the reported run's tables, the other runs' noise. Pure. */
export function renderMarkdown(report: BenchReport): string {
  const run = report.runs[report.reported]!;
  const m = report.machine;
  const s = report.settings;
  const loads = report.runs
    .map(
      (r) =>
        `run ${r.index + 1}: load ${r.loadAverage.before.map((l) => num(l, 2)).join(' ')} -> ` +
        `${r.loadAverage.after.map((l) => num(l, 2)).join(' ')}, other processes used ${pct(r.foreignCpuShare)} of the CPU`,
    )
    .join('; ');
  return [
    `Run ${run.index + 1} of ${report.runs.length} (the quieter), ${run.startedAt} to ${run.finishedAt}` +
      `${s.quick ? ', quick mode' : ''}.`,
    '',
    `Machine: ${m.cpus} CPUs (${m.cpuModel}), ${num(m.memoryGiB, 1)} GiB, ${m.os}; Node ${m.node}, ` +
      `nats-server ${m.natsServer}, Redis ${m.redis} (${m.redisOrigin})` +
      `${m.postgres ? `, PostgreSQL ${m.postgres} (spawned)` : ''}` +
      `${m.restate ? `, restate-server ${m.restate} (spawned)` : ''}. ${loads}.`,
    '',
    `Workload: ${s.throughputGoals} goals at saturation, twice back to back (the faster counts), at most ` +
      `${s.window} in flight and ${s.concurrency} tasks ` +
      `at once per stage process; ${s.latencyGoals} goals one at a time for latency, after ${s.warmupGoals} ` +
      `warm-up goals; scale-out: the scrape stage with ${s.scaleWorkMs} ms of simulated I/O and one task at a ` +
      `time per replica, ${s.scaleGoalsPerReplica} goals per replica at ${s.scaleReplicas.join(', ')} replicas.` +
      growthWorkload(s.growth),
    '',
    systemsTable(run),
    '',
    targetsTable(run, report),
    '',
    detailTables(run),
    '',
    otlpLine(run.systems),
    ...(growthSection(run.growth) ? ['', growthSection(run.growth)] : []),
    ...report.runs
      .filter((other) => other.index !== run.index)
      .flatMap((other) => [
        '',
        `The other pass (run ${other.index + 1}, other processes used ${pct(other.foreignCpuShare)} of the CPU):`,
        '',
        systemsTable(other),
        '',
        cpuTable(other),
      ]),
    ...(report.profiles.length > 0 ? ['', profileTables(report.profiles)] : []),
    ...(report.ablation.length > 0 ? ['', ablationTable(report.ablation)] : []),
    ...(report.footprint.length > 0 ? ['', footprintTable(report.footprint)] : []),
    '',
  ].join('\n');
}
