import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats, uniqueName } from '@swarm/testing';
import type { BenchConfig } from '../bench-config.js';
import { machineInfo } from '../machine/machine-info.js';
import { readCpuMs, readMachineCpuMs, readOwnTreeCpuMs } from '../machine/proc-stats.js';
import { SCALED_STAGE } from '../pipeline/stages.js';
import type { CpuProfile } from '../profile/cpu-profile.js';
import { summarizeCpuProfile } from '../profile/cpu-profile.js';
import { importFootprint } from '../profile/import-footprint.js';
import type {
  AblationStep,
  BenchReport,
  BenchRun,
  GrowthResult,
  MachineInfo,
  ProfileSummary,
  SystemResult,
} from '../stats/bench-results.js';
import { checkTargets, quietestRun, relativeToBaseline } from '../stats/derive.js';
import { createDriver } from '../systems/create-driver.js';
import type { BenchInfra } from '../systems/pipeline-driver.js';
import type { SystemId } from '../systems/system-ids.js';
import { goalIds, measureThroughput } from './measure.js';
import { OtlpReceiver } from './otlp-receiver.js';
import { Pipeline } from './pipeline.js';
import type { RedisHandle } from './redis-server.js';
import { startRedis } from './redis-server.js';
import { runAblation } from './run-ablation.js';
import { runGrowth } from './run-growth.js';
import { runSystem } from './run-system.js';
import type { PeerServers } from './peer-servers.js';
import { startPeerServers } from './peer-servers.js';

/**
 * The servers of one pass: a private NATS and Redis (unless given), a private PostgreSQL and Restate server when
 * LangGraph or Restate run, and the OTLP receiver.
 */
interface PassInfra {
  readonly infra: BenchInfra;
  readonly otlp: OtlpReceiver;
  readonly redis: RedisHandle;
  readonly peers: PeerServers;
  stop(): Promise<void>;
}

async function startInfra(config: BenchConfig, systems: readonly SystemId[]): Promise<PassInfra> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stops.splice(0).reverse()) await stopOne();
  };
  try {
    let nats: NatsServerHandle | undefined;
    const natsUrl = config.natsUrl ?? (nats = await startNats({ forceSpawn: true })).url;
    if (nats) stops.push(() => nats.stop());
    const redis = await startRedis(config.redisUrl);
    stops.push(() => redis.stop());
    const peers = await startPeerServers(systems);
    stops.push(() => peers.stop());
    const otlp = await OtlpReceiver.start();
    stops.push(() => otlp.close());
    return {
      infra: {
        natsUrl,
        redisUrl: redis.url,
        ...peers.infra,
        otlpEndpoint: otlp.endpoint,
        quick: config.settings.quick,
      },
      otlp,
      redis,
      peers,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Runs the benchmark: `runs` complete passes, each over every system back to back on fresh servers and then the
 * "how cost grows" runs (fan-out, replicas of every stage), then (when asked) a profiled pass of one stage of (a)
 * and (b). Reports the pass other processes disturbed least.
 */
export async function runBenchmark(
  config: BenchConfig,
  options: { readonly agentsDir: string; readonly log: (line: string) => void },
): Promise<BenchReport> {
  const runs: BenchRun[] = [];
  let machine: MachineInfo | undefined;
  for (let index = 0; index < config.settings.runs; index += 1) {
    options.log(`pass ${index + 1} of ${config.settings.runs}`);
    const { run, machine: seen } = await runPass(index, config, options);
    runs.push(run);
    machine ??= seen;
  }
  const { profiles, ablation } = config.profile
    ? await profilePass(config, options)
    : { profiles: [], ablation: [] };
  const footprint = config.profile ? await importFootprint(join(options.agentsDir, '..', '..')) : [];
  return {
    version: 1,
    settings: config.settings,
    machine: machine!,
    runs,
    reported: quietestRun(runs),
    profiles,
    ablation,
    footprint,
  };
}

async function runPass(
  index: number,
  config: BenchConfig,
  options: { readonly agentsDir: string; readonly log: (line: string) => void },
): Promise<{ run: BenchRun; machine: MachineInfo }> {
  const startedAt = new Date().toISOString();
  const loadBefore = loadavg();
  const machineBefore = await readMachineCpuMs();
  const ownBefore = await readOwnTreeCpuMs();
  const servers = await startInfra(config, config.settings.systems);
  const systems: SystemResult[] = [];
  let growth: GrowthResult[];
  let machine: MachineInfo;
  try {
    machine = await machineInfo(servers.infra.natsUrl, servers.redis, servers.peers.versions);
    for (const id of config.settings.systems) {
      systems.push(
        await runSystem(createDriver(id, servers.infra), {
          settings: config.settings,
          agentsDir: options.agentsDir,
          otlp: servers.otlp,
          log: options.log,
        }),
      );
    }
    growth = await runGrowth({
      settings: config.settings,
      infra: servers.infra,
      agentsDir: options.agentsDir,
      cores: machine.cpus,
      log: options.log,
    });
  } finally {
    await servers.stop();
  }
  const machineAfter = await readMachineCpuMs();
  const ownAfter = await readOwnTreeCpuMs();
  const totalMs = machineAfter.total - machineBefore.total;
  const foreignMs = machineAfter.busy - machineBefore.busy - (ownAfter - ownBefore);
  return {
    machine,
    run: {
      index,
      startedAt,
      finishedAt: new Date().toISOString(),
      systems,
      relative: relativeToBaseline(systems),
      targets: checkTargets(systems),
      loadAverage: { before: loadBefore, after: loadavg() },
      foreignCpuShare: totalMs > 0 ? Math.max(0, foreignMs / totalMs) : 0,
      growth,
    },
  };
}

/**
 * The explaining pass, on fresh servers: profiles the scrape stage of raw JetStream and of the swarm (tracing
 * off and on) under a saturating load with `--cpu-prof`, then prices the swarm's protocol piece by piece.
 */
async function profilePass(
  config: BenchConfig,
  options: { readonly agentsDir: string; readonly log: (line: string) => void },
): Promise<{ profiles: ProfileSummary[]; ablation: AblationStep[] }> {
  const servers = await startInfra(config, []);
  const profiles: ProfileSummary[] = [];
  try {
    for (const id of ['raw', 'swarm-off', 'swarm-on'] as const satisfies readonly SystemId[]) {
      options.log(`${id}: profiling the ${SCALED_STAGE} stage with --cpu-prof`);
      profiles.push(await profileStage(id, servers.infra, config, options.agentsDir));
    }
    const ablation = await runAblation(servers.infra, config.settings, options.agentsDir, options.log);
    return { profiles, ablation };
  } finally {
    await servers.stop();
  }
}

async function profileStage(
  id: SystemId,
  infra: BenchInfra,
  config: BenchConfig,
  agentsDir: string,
): Promise<ProfileSummary> {
  const { settings } = config;
  const stageSettings = { concurrency: settings.concurrency, workMs: 0 };
  const dir = await mkdtemp(join(tmpdir(), 'bench-cpuprof-'));
  const pipeline = await Pipeline.deploy({
    driver: createDriver(id, infra),
    prefix: uniqueName(`bench_prof_${id.replace(/-/g, '_')}`),
    agentsDir,
    settings: stageSettings,
  });
  try {
    await pipeline.stopStage(SCALED_STAGE);
    await pipeline.addReplicas(SCALED_STAGE, 1, stageSettings, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    const run = { window: settings.window, stallMs: 20_000 };
    await measureThroughput(pipeline, goalIds('pw', settings.warmupGoals), run);
    const pid = pipeline.processes().find((p) => p.stage === SCALED_STAGE)!.process.pid;
    const cpuBefore = (await readCpuMs(pid)) ?? 0;
    const fromUs = Number(process.hrtime.bigint() / 1_000n);
    const measured = await measureThroughput(pipeline, goalIds('pt', settings.throughputGoals), run);
    const toUs = Number(process.hrtime.bigint() / 1_000n);
    const cpuMs = ((await readCpuMs(pid)) ?? 0) - cpuBefore;
    await pipeline.stopStage(SCALED_STAGE); // writes the profile on exit
    const file = (await readdir(dir)).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error(`${id}: the profiled ${SCALED_STAGE} stage wrote no .cpuprofile into ${dir}`);
    const profile = JSON.parse(await readFile(join(dir, file), 'utf8')) as CpuProfile;
    return summarizeCpuProfile(profile, {
      system: id,
      stage: SCALED_STAGE,
      file,
      tasks: measured.completed,
      cpuMs,
      window: { fromUs, toUs },
    });
  } finally {
    await pipeline.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
