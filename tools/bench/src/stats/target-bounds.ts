import type { AblationStep, BenchReport, BenchRun, TargetCheck } from './bench-results.js';
import { efficiencyAt, TARGETS } from './derive.js';

/** The ablation's steps, by name (run-ablation.ts measures them in this order). */
export const ABLATION_STEPS = {
  consume: 'raw: consume()',
  next: 'raw: next() per slot',
  protocol: 'raw: swarm protocol',
  off: 'swarm, tracing off',
  on: 'swarm, tracing on',
} as const;

/** The footprint's steps the explanation reads (import-footprint.ts measures them). */
export const FOOTPRINT_STEPS_READ = {
  /** Every module an agent must load before any swarm code. */
  framework: '+ NestJS (core, microservices)',
  /** A whole agent's modules. */
  agent: '+ the agent kit (telemetry, health)',
  /** The same, V8's young generation capped (its name starts so). */
  capped: 'the same, ',
} as const;

const HOPS = 4;
const fixed = (value: number, digits: number) => value.toFixed(digits);

/**
 * What bounds a target, read from the same report's ablation (the swarm's per-task protocol rebuilt on raw
 * nats.js, then the transport, then tracing) and import footprint: the part a guarantee requires (the two stored
 * lifecycle events per task, the NestJS service every agent is) against the part the swarm's own code and
 * tracing add. Undefined when the target is met or the report lacks the figures. Pure.
 */
export function explainTarget(check: TargetCheck, run: BenchRun, report: BenchReport): string | undefined {
  if (check.met) return undefined;
  const step = (name: string): AblationStep | undefined => report.ablation.find((s) => s.name === name);
  const consume = step(ABLATION_STEPS.consume);
  const protocol = step(ABLATION_STEPS.protocol);
  const off = step(ABLATION_STEPS.off);
  const on = step(ABLATION_STEPS.on);
  switch (check.id) {
    case 'throughput-vs-raw': {
      if (!consume || !protocol || !off || !on) return undefined;
      const x = (s: AblationStep) => `${fixed(s.goalsPerSec / consume.goalsPerSec, 2)}x`;
      const bound = protocol.goalsPerSec / consume.goalsPerSec < TARGETS.throughputOverRaw;
      return (
        `${bound ? 'the guarantee' : 'not the guarantee alone'}: the swarm's protocol alone on raw nats.js (two ` +
        `stored, acknowledged lifecycle events per task, a pull per slot) reaches ${x(protocol)} raw; the ` +
        `transport's code takes it to ${x(off)}, tracing to ${x(on)} (ablation)`
      );
    }
    case 'throughput-vs-bullmq': {
      const raw = run.systems.find((s) => s.id === 'raw');
      const bullmq = run.systems.find((s) => s.id === 'bullmq');
      if (!consume || !protocol || !raw || !bullmq) return undefined;
      const ceiling =
        (protocol.goalsPerSec / consume.goalsPerSec) *
        (raw.throughput.goalsPerSec / bullmq.throughput.goalsPerSec);
      return (
        `${ceiling < TARGETS.throughputOverBullmq ? 'the guarantee' : 'not the guarantee alone'}: the protocol alone on raw nats.js would reach about ${fixed(ceiling, 2)}x BullMQ (its ` +
        `ablation ratio times raw over BullMQ here); a BullMQ hop stores one job, a swarm hop three messages`
      );
    }
    case 'added-latency-per-hop': {
      if (!consume || !protocol || !off || !on) return undefined;
      // A step can read faster than the one before it (the machine's noise): that part is "none measurable".
      const perHop = (from: AblationStep, to: AblationStep) => {
        const ms = (to.p50Ms - from.p50Ms) / HOPS;
        return ms > 0 ? `${fixed(ms, 2)} ms` : 'none measurable';
      };
      return (
        `per hop at p50 (ablation): the protocol (a pull per free slot, the lifecycle events' PubAcks) ${perHop(consume, protocol)} (the ` +
        `guarantee), the transport's code ${perHop(protocol, off)}, tracing's spans ${perHop(off, on)}`
      );
    }
    case 'idle-rss': {
      const framework = report.footprint.find((s) => s.name === FOOTPRINT_STEPS_READ.framework);
      const agent = report.footprint.find((s) => s.name === FOOTPRINT_STEPS_READ.agent);
      const capped = report.footprint.find((s) => s.name.startsWith(FOOTPRINT_STEPS_READ.capped));
      if (!framework || !agent) return undefined;
      const young = capped
        ? `; V8's young generation, grown while the modules load, keeps ${fixed(agent.rssMb - capped.rssMb, 0)} MB of it (footprint)`
        : ' (footprint)';
      return (
        `node, nats.js, zod and NestJS take ${fixed(framework.rssMb, 0)} MB before any swarm code (every agent ` +
        `is a NestJS service); the transport, telemetry and the agent kit add ${fixed(agent.rssMb - framework.rssMb, 0)} MB${young}`
      );
    }
    case 'throughput-vs-langgraph':
    case 'throughput-vs-restate': {
      const peer = run.systems.find((s) => `throughput-vs-${s.id}` === check.id);
      const off = run.systems.find((s) => s.id === 'swarm-off');
      const on = run.systems.find((s) => s.id === 'swarm-on');
      if (!peer || !off || !on) return undefined;
      return (
        `tracing, the price of one trace per goal: with tracing off the swarm makes ` +
        `${fixed(off.throughput.goalsPerSec / peer.throughput.goalsPerSec, 2)}x ${peer.label}'s goals/s; its spans ` +
        `cost ${fixed(on.cpuMsPerGoal.stages - off.cpuMsPerGoal.stages, 2)} ms of stage CPU per goal (same run)`
      );
    }
    case 'scale-out-efficiency': {
      const off = run.systems.find((s) => s.id === 'swarm-off');
      const raw = run.systems.find((s) => s.id === 'raw');
      if (!off || !raw) return undefined;
      const pct = (value: number) => `${Math.round(value * 100)}%`;
      return (
        `tracing's CPU on a shared machine: with tracing off the same stage scales ${pct(efficiencyAt(off, 4))} ` +
        `at 4 (raw JetStream ${pct(efficiencyAt(raw, 4))}); every replica, the other stages, nats-server and ` +
        `the harness share the cores`
      );
    }
    default:
      return undefined;
  }
}
