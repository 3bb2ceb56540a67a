/**
 * A versioned prompt: a file beside the brain that uses it. `version` (`<agent>.<task>@<n>`) travels in
 * `task.completed` usage and in dead letters; bump it whenever the wording changes.
 */
export interface PromptTemplate<I> {
  readonly version: string;
  readonly system: string;
  /** The user message for one input. */
  render(input: I): string;
}

/** What separates a prompt's instructions from its input (one line of JSON) in the user message. */
export const PROMPT_INPUT_MARK = '\n\nInput (JSON):\n';

/**
 * The user message of every prompt: short instructions, then `Input (JSON):` and the input as one line of JSON,
 * so the model sees data apart from instructions (and a test server can read the input back). Pure.
 */
export function withInput(instructions: string, input: unknown): string {
  return `${instructions}${PROMPT_INPUT_MARK}${JSON.stringify(input)}`;
}

/**
 * The input a prompt rendered with `withInput`, read back from its user message.
 * @throws Error when the message holds no input.
 */
export function inputOfMessage<T>(message: string): T {
  const at = message.indexOf(PROMPT_INPUT_MARK);
  if (at < 0) throw new Error('the message holds no "Input (JSON):" block');
  return JSON.parse(message.slice(at + PROMPT_INPUT_MARK.length)) as T;
}

/** Declares a prompt (identity: it exists so every prompt file has the same typed shape). */
export function definePrompt<I>(prompt: PromptTemplate<I>): PromptTemplate<I> {
  return prompt;
}

/** The message that asks the model to correct its last answer, listing what was wrong with it. Pure. */
export function correctionMessage(errors: readonly string[]): string {
  return [
    'Your last answer was refused for these reasons:',
    ...errors.map((error) => `- ${error}`),
    'Answer again with the whole corrected JSON object, and nothing else.',
  ].join('\n');
}
