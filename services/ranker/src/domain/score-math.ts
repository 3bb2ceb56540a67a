import { SCORE_DECIMALS } from './scoring-settings.js';

/** A component's score (0..1) with the sentence that explains it. */
export interface ComponentScore {
  readonly score: number;
  readonly rationale: string;
}

/** Clamps to 0..1 (NaN becomes 0). */
export function clamp01(value: number): number {
  if (!Number.isFinite(value)) return value === Infinity ? 1 : 0;
  return Math.min(1, Math.max(0, value));
}

/** Rounds to `SCORE_DECIMALS` decimals, so scores that look equal tie exactly. */
export function roundScore(value: number): number {
  const factor = 10 ** SCORE_DECIMALS;
  return Math.round(value * factor) / factor;
}

/** A score as the rationale prints it: two decimals. */
export function formatScore(value: number): string {
  return value.toFixed(2);
}

/** Downloads as people say them: 950, 12K, 412K, 1.25M, 12.5M (three significant digits at most). */
export function formatCount(value: number): string {
  const units: readonly [number, string][] = [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [size, suffix] of units) {
    if (value >= size) {
      const scaled = value / size;
      const digits = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
      const text = scaled.toFixed(digits).replace(/\.0+$|(\.\d*?)0+$/, '$1');
      return `${text}${suffix}`;
    }
  }
  return String(value);
}

/** Names a short list: "a, b and 2 more". */
export function listNames(names: readonly string[], max = 5): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
