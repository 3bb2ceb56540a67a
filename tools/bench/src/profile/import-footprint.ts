import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { FOOTPRINT_STEPS_READ } from '../stats/target-bounds.js';

const run = promisify(execFile);

/**
 * A node flag that caps V8's young generation (2 MiB semi-spaces instead of up to 16): after loading its modules an
 * agent keeps ~25 MB of young generation committed that an idle process never uses. Measured, not shipped.
 */
export const YOUNG_GENERATION_CAP = '--max-semi-space-size=2';

/** Module sets whose resident memory explains an idle agent's, each loading the previous ones too. */
export const FOOTPRINT_STEPS = [
  { name: 'node alone', modules: [] },
  {
    name: '+ nats.js (transport-node, jetstream)',
    modules: ['@nats-io/transport-node', '@nats-io/jetstream'],
  },
  { name: '+ zod and the contracts', modules: ['zod', '@swarm/contracts'] },
  {
    name: FOOTPRINT_STEPS_READ.framework,
    modules: ['reflect-metadata', '@nestjs/core', '@nestjs/microservices'],
  },
  { name: '+ the transport', modules: ['@swarm/transport'] },
  { name: FOOTPRINT_STEPS_READ.agent, modules: ['@swarm/agent-kit'] },
  {
    name: `${FOOTPRINT_STEPS_READ.capped}V8's young generation capped (${YOUNG_GENERATION_CAP})`,
    modules: [],
    nodeArgs: [YOUNG_GENERATION_CAP],
  },
] as const satisfies readonly { name: string; modules: readonly string[]; nodeArgs?: readonly string[] }[];

/** Resident memory of a fresh node process after importing one step's modules (and all before it). */
export interface FootprintStep {
  readonly name: string;
  readonly rssMb: number;
}

/**
 * Measures what each layer of an agent costs in memory: spawns `node` importing the modules of every step so far
 * (resolved from `cwd`), waits for a quiet moment and reads its RSS. A step whose modules do not load is skipped.
 */
export async function importFootprint(cwd: string): Promise<FootprintStep[]> {
  const out: FootprintStep[] = [];
  const loaded: string[] = [];
  for (const step of FOOTPRINT_STEPS) {
    loaded.push(...step.modules);
    const script =
      `for (const m of ${JSON.stringify(loaded)}) await import(m);` +
      `await new Promise((r) => setTimeout(r, 500));` +
      `const s = (await import('node:fs')).readFileSync('/proc/self/status', 'utf8');` +
      `console.log(/VmRSS:\\s+(\\d+)/.exec(s)[1]);`;
    try {
      const nodeArgs = 'nodeArgs' in step ? step.nodeArgs : [];
      const { stdout } = await run(process.execPath, [...nodeArgs, '--input-type=module', '-e', script], {
        cwd,
      });
      out.push({ name: step.name, rssMb: Number(stdout.trim()) / 1_024 });
    } catch {
      continue;
    }
  }
  return out;
}
