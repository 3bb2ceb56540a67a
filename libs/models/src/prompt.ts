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
