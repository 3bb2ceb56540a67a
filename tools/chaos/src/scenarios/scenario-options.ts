/** What every scenario gets from its caller besides its size. */
export interface ScenarioOptions {
  /** Environment the agents inherit (the CLI passes its own; nothing in a scenario reads `process.env`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Progress lines; silent by default. */
  readonly log?: (line: string) => void;
  /** Candidates scraped per goal; default 2 (see `DEFAULT_FAN_OUT`). */
  readonly fanOut?: number;
}

/** Sleeps `ms`. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A goal-id prefix unique to this run of a scenario (goal ids are subject tokens: letters, digits, `-`). */
export function runPrefix(scenario: string): string {
  return `${scenario}-${Date.now().toString(36)}`;
}
