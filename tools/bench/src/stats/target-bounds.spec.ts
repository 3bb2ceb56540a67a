import { sampleReport, sampleRun } from '../testing/sample-results.js';
import type { AblationStep, BenchReport, TargetCheck } from './bench-results.js';
import { ABLATION_STEPS, explainTarget, FOOTPRINT_STEPS_READ } from './target-bounds.js';

const step = (name: string, goalsPerSec: number, p50Ms: number): AblationStep => ({
  name,
  description: name,
  goalsPerSec,
  p50Ms,
  p99Ms: p50Ms * 2,
  cpuMsPerGoal: { stages: 1, broker: 0.5, harness: 0.1, total: 1.6, othersShare: 0 },
});

function explainedReport(): BenchReport {
  return {
    ...sampleReport(),
    ablation: [
      step(ABLATION_STEPS.consume, 3_000, 3.0),
      step(ABLATION_STEPS.next, 2_400, 3.04),
      step(ABLATION_STEPS.protocol, 1_400, 3.8),
      step(ABLATION_STEPS.off, 1_200, 4.2),
      step(ABLATION_STEPS.on, 900, 5.0),
    ],
    footprint: [
      { name: 'node alone', rssMb: 45 },
      { name: FOOTPRINT_STEPS_READ.framework, rssMb: 111 },
      { name: FOOTPRINT_STEPS_READ.agent, rssMb: 131 },
      {
        name: `${FOOTPRINT_STEPS_READ.capped}V8's young generation capped (--max-semi-space-size=2)`,
        rssMb: 108,
      },
    ],
  };
}

const missed = (id: string): TargetCheck => ({
  id,
  description: id,
  target: 'x',
  measured: 0,
  unit: '',
  met: false,
});

describe('explainTarget', () => {
  const run = sampleRun();

  it('prices the throughput target by the ablation: protocol, transport code, tracing', () => {
    expect(explainTarget(missed('throughput-vs-raw'), run, explainedReport())).toBe(
      "the guarantee: the swarm's protocol alone on raw nats.js (two stored, acknowledged lifecycle events per " +
        "task, a pull per slot) reaches 0.47x raw; the transport's code takes it to 0.40x, tracing to 0.30x (ablation)",
    );
  });

  it('does not blame the guarantee when the protocol alone reaches the target', () => {
    const report = explainedReport();
    const ablation = report.ablation.map((s) =>
      s.name === ABLATION_STEPS.protocol ? { ...s, goalsPerSec: 1_600 } : s,
    );
    expect(explainTarget(missed('throughput-vs-raw'), run, { ...report, ablation })).toMatch(
      /^not the guarantee alone: .* reaches 0\.53x raw;/,
    );
  });

  it('carries the protocol ratio over to BullMQ through raw over BullMQ in the same run', () => {
    // The protocol's share of raw in the ablation, carried over by raw over BullMQ in the run.
    const text = explainTarget(missed('throughput-vs-bullmq'), run, explainedReport());
    const raw = run.systems.find((s) => s.id === 'raw')!.throughput.goalsPerSec;
    const bullmq = run.systems.find((s) => s.id === 'bullmq')!.throughput.goalsPerSec;
    expect(text).toContain(`about ${(((1_400 / 3_000) * raw) / bullmq).toFixed(2)}x BullMQ`);
  });

  it('splits the added latency per hop into its three parts', () => {
    expect(explainTarget(missed('added-latency-per-hop'), run, explainedReport())).toBe(
      "per hop at p50 (ablation): the protocol (a pull per free slot, the lifecycle events' PubAcks) 0.20 ms (the guarantee), the transport's code " +
        "0.10 ms, tracing's spans 0.20 ms",
    );
  });

  it('says "none measurable" for a part that read faster than the step before it', () => {
    const report = explainedReport();
    const ablation = report.ablation.map((s) => (s.name === ABLATION_STEPS.on ? { ...s, p50Ms: 4.0 } : s));
    expect(explainTarget(missed('added-latency-per-hop'), run, { ...report, ablation })).toContain(
      "tracing's spans none measurable",
    );
  });

  it('reads the idle memory from the footprint, with the young generation it keeps', () => {
    const text = explainTarget(missed('idle-rss'), run, explainedReport());
    expect(text).toContain('take 111 MB before any swarm code');
    expect(text).toContain('the agent kit add 20 MB');
    expect(text).toContain('keeps 23 MB of it');
  });

  it('reads the scale-out against the swarm with tracing off and raw JetStream of the same run', () => {
    expect(explainTarget(missed('scale-out-efficiency'), run, explainedReport())).toContain(
      'with tracing off the same stage scales 95% at 4 (raw JetStream 95%)',
    );
  });

  it('reads a peer the swarm trails against the swarm with tracing off of the same run', () => {
    const restate = run.systems.find((s) => s.id === 'restate')!.throughput.goalsPerSec;
    const off = run.systems.find((s) => s.id === 'swarm-off')!.throughput.goalsPerSec;
    expect(explainTarget(missed('throughput-vs-restate'), run, explainedReport())).toContain(
      `with tracing off the swarm makes ${(off / restate).toFixed(2)}x Restate's goals/s`,
    );
  });

  it('says nothing for a met target, a target it cannot price, or a report without the figures', () => {
    expect(
      explainTarget({ ...missed('throughput-vs-raw'), met: true }, run, explainedReport()),
    ).toBeUndefined();
    expect(explainTarget(missed('throughput-vs-nest-nats'), run, explainedReport())).toBeUndefined();
    expect(explainTarget(missed('throughput-vs-raw'), run, sampleReport())).toBeUndefined();
    expect(explainTarget(missed('idle-rss'), run, { ...sampleReport(), footprint: [] })).toBeUndefined();
  });
});
