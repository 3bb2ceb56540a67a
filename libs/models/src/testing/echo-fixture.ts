import { z } from 'zod';
import type { ModelTarget } from '../model-settings.js';
import { parseModelSettings } from '../model-settings.js';
import { definePrompt, withInput } from '../prompt.js';

/** The model settings `env` names; throws for the builtin brain (a test of the model path needs a model). */
export function modelTargetOf(env: Readonly<Record<string, string>>): ModelTarget {
  const settings = parseModelSettings(env);
  if (settings.provider === 'builtin')
    throw new Error('SWARM_MODEL=builtin is the builtin brain, not a model');
  return settings;
}

/** A one-field prompt the model-layer tests script replies to: echo a word. */
export const ECHO_PROMPT = definePrompt<{ word: string }>({
  version: 'test.echo@1',
  system: 'You echo words (prompt test.echo@1).',
  render: (input) => withInput('Echo this word in JSON.', input),
});

/** The echo prompt's output schema. */
export const Echo = z.strictObject({ echo: z.string() });

/** The echo prompt's rule: the echo is the word. Pure. */
export const mustEcho =
  (word: string) =>
  (output: { echo: string }): string[] =>
    output.echo === word ? [] : [`echo "${output.echo}" is not the word "${word}"`];
