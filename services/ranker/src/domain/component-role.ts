import { goalAsksForRole, packageRole, type RoleFacts } from '@swarm/corpus';
import { clamp01, type ComponentScore } from './score-math.js';
import { COMPONENT_SETTINGS } from './scoring-settings.js';

const ROLE_NAMES = {
  integration: 'an integration of one product into another',
  tokenizer: 'a tokenizer',
  definitions: 'a package of definitions',
} as const;

/**
 * The measured relevance of a candidate that declares itself a component (`packageRole` of `@swarm/corpus`: an
 * integration, a tokenizer, a package of definitions) of a kind the goal does not ask for, multiplied by
 * `COMPONENT_SETTINGS.relevanceFactor`, with a sentence saying so; any other relevance as it is. A goal that
 * names the kind ("an Ollama provider for the AI SDK", "GPT tokenizer") leaves its components alone. Pure.
 */
export function componentRelevance(
  relevance: ComponentScore,
  goalText: string,
  facts: RoleFacts,
): ComponentScore {
  const role = packageRole(facts);
  if (role === undefined || goalAsksForRole(goalText, role.role)) return relevance;
  const factor = COMPONENT_SETTINGS.relevanceFactor;
  return {
    score: clamp01(relevance.score * factor),
    rationale:
      `${relevance.rationale} Its facts say it is ${ROLE_NAMES[role.role]} ("${role.evidence}"), a component ` +
      `the goal does not ask for, so relevance is multiplied by ${factor}.`,
  };
}
