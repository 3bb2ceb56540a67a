/**
 * Seconds from `from` to the first time in `times` at or after it; `undefined` when none. `times` ascending,
 * all in epoch ms. Pure.
 */
export function secondsUntilFirstAfter(times: readonly number[], from: number): number | undefined {
  const first = times.find((t) => t >= from);
  return first === undefined ? undefined : (first - from) / 1_000;
}

/** The longest pause, in seconds, between consecutive times within [from, to] (ascending input). Pure. */
export function longestGapSeconds(times: readonly number[], from: number, to: number): number {
  const inside = times.filter((t) => t >= from && t <= to);
  let longest = 0;
  for (let i = 1; i < inside.length; i++) longest = Math.max(longest, inside[i]! - inside[i - 1]!);
  return longest / 1_000;
}

/** Events per second within [from, to). Pure. */
export function ratePerSecond(times: readonly number[], from: number, to: number): number {
  if (to <= from) return 0;
  return times.filter((t) => t >= from && t < to).length / ((to - from) / 1_000);
}

/** Bytes as mebibytes with one decimal. Pure. */
export function mebibytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}
