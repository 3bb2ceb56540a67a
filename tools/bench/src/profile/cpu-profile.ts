import type { ProfileSummary } from '../stats/bench-results.js';
import type { SystemId } from '../systems/system-ids.js';

/** The parts of a V8 `.cpuprofile` the summary reads. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
    };
    readonly hitCount?: number;
    readonly children?: readonly number[];
  }[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

const IDLE = '(idle)';

/**
 * Categories whose functions get inclusive (self + callees) time: the messaging and tracing code paths, leaving
 * out the context-propagation wrappers that every async step runs inside (they would top every list).
 */
const INCLUSIVE_CATEGORIES =
  /^(@swarm\/|@nats-io\/|@opentelemetry\/(?!api$|context-async-hooks$)|bench stage code$)/;

/**
 * Where the time of a frame goes: a package under node_modules (`@nats-io/jetstream`, `zod`), a workspace
 * project (`@swarm/transport`), Node's own code, or V8's pseudo frames (garbage collector, program). Pure.
 */
export function frameCategory(functionName: string, url: string): string {
  if (functionName.startsWith('(') && url === '') return functionName;
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (modules) return modules[1]!;
  const workspace = /\/(libs|services)\/([^/]+)\//.exec(url);
  if (workspace) return `@swarm/${workspace[2]}`;
  if (/\/tools\/bench\//.test(url)) return 'bench stage code';
  if (url.startsWith('node:') || (url !== '' && !url.includes('/'))) return 'node internals';
  return url === '' ? '(native)' : 'other';
}

function shortLocation(url: string, line: number): string {
  if (url === '') return '';
  const cut =
    /node_modules\/(.*)$/.exec(url)?.[1] ?? /\/((?:libs|services|tools)\/.*)$/.exec(url)?.[1] ?? url;
  return `${cut.replace(/^file:\/\//, '')}:${line + 1}`;
}

/** Hit counts per node id of the samples taken within `window` (monotonic µs), or of all samples. */
function hitsWithin(profile: CpuProfile, window?: { fromUs: number; toUs: number }): Map<number, number> {
  const hits = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  if (samples.length === 0) {
    for (const node of profile.nodes) hits.set(node.id, node.hitCount ?? 0);
    return hits;
  }
  let at = profile.startTime;
  samples.forEach((id, i) => {
    at += deltas[i] ?? 0;
    if (window && (at < window.fromUs || at > window.toUs)) return;
    hits.set(id, (hits.get(id) ?? 0) + 1);
  });
  return hits;
}

/**
 * Summarizes a CPU profile: self time by category and the hottest functions, as shares of the busy (non-idle)
 * time. With `window` (monotonic µs, the clock V8 and `process.hrtime` share) only the samples taken within it
 * count, so start-up is left out. `cpuMs` is the process's CPU over the measured `tasks` (from /proc). Pure.
 */
export function summarizeCpuProfile(
  profile: CpuProfile,
  meta: {
    readonly system: SystemId;
    readonly stage: string;
    readonly file: string;
    readonly tasks: number;
    readonly cpuMs: number;
    readonly window?: { readonly fromUs: number; readonly toUs: number };
  },
): ProfileSummary {
  let hits = hitsWithin(profile, meta.window);
  const inWindow = [...hits.values()].reduce((sum, h) => sum + h, 0);
  if (inWindow === 0) hits = hitsWithin(profile); // clocks did not line up: use the whole profile
  const totalHits = [...hits.values()].reduce((sum, h) => sum + h, 0);
  const span =
    meta.window && inWindow > 0 ? meta.window.toUs - meta.window.fromUs : profile.endTime - profile.startTime;
  const msPerHit = totalHits > 0 ? span / 1_000 / totalHits : 0;

  const categories = new Map<string, number>();
  const frames = new Map<string, { name: string; location: string; selfMs: number }>();
  for (const node of profile.nodes) {
    const selfMs = (hits.get(node.id) ?? 0) * msPerHit;
    if (selfMs === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === IDLE) continue;
    const category = frameCategory(functionName, url);
    categories.set(category, (categories.get(category) ?? 0) + selfMs);
    const key = `${functionName}@${url}:${lineNumber}`;
    const frame = frames.get(key) ?? {
      name: functionName || '(anonymous)',
      location: shortLocation(url, lineNumber),
      selfMs: 0,
    };
    frame.selfMs += selfMs;
    frames.set(key, frame);
  }
  const busyMs = [...categories.values()].reduce((sum, ms) => sum + ms, 0);
  const share = (ms: number) => (busyMs > 0 ? ms / busyMs : 0);
  const inclusive = inclusiveTimes(profile, hits, msPerHit);
  return {
    system: meta.system,
    stage: meta.stage,
    file: meta.file,
    totalMs: busyMs,
    tasks: meta.tasks,
    cpuUsPerTask: meta.tasks > 0 ? (meta.cpuMs * 1_000) / meta.tasks : Number.NaN,
    byCategory: [...categories.entries()]
      .map(([name, selfMs]) => ({ name, selfMs, share: share(selfMs) }))
      .sort((a, b) => b.selfMs - a.selfMs),
    topFrames: [...frames.values()]
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, 25)
      .map((f) => ({ ...f, share: share(f.selfMs) })),
    topInclusive: inclusive.slice(0, 25).map((f) => ({ ...f, share: share(f.totalMs) })),
  };
}

/**
 * Time spent in each function of the messaging and tracing code including what it called (synchronously: an
 * async function's continuations count where they resume), counted once per sample even when recursive.
 */
function inclusiveTimes(
  profile: CpuProfile,
  hits: ReadonlyMap<number, number>,
  msPerHit: number,
): { name: string; location: string; totalMs: number }[] {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, { name: string; location: string; totalMs: number }>();
  for (const [id, count] of hits) {
    if (count === 0 || byId.get(id)?.callFrame.functionName === IDLE) continue;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame || frame.functionName === '') continue;
      if (!INCLUSIVE_CATEGORIES.test(frameCategory(frame.functionName, frame.url))) continue;
      const key = `${frame.functionName}@${frame.url}:${frame.lineNumber}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = totals.get(key) ?? {
        name: frame.functionName || '(anonymous)',
        location: shortLocation(frame.url, frame.lineNumber),
        totalMs: 0,
      };
      entry.totalMs += count * msPerHit;
      totals.set(key, entry);
    }
  }
  return [...totals.values()].sort((a, b) => b.totalMs - a.totalMs);
}
