import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { ModelTarget } from './model-settings.js';

/**
 * Where the hosted providers answer when `SWARM_MODEL_BASE_URL` is unset. Always passed explicitly: the provider
 * packages would otherwise read `OPENAI_BASE_URL` / `ANTHROPIC_BASE_URL` from the environment themselves, and only
 * the settings read the environment.
 */
export const DEFAULT_BASE_URLS = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com/v1',
} as const;

/**
 * The AI SDK language model for a target. `openai-compatible` speaks `/v1/chat/completions` to any server
 * (Ollama, vLLM, LM Studio, llama.cpp); `openai` uses OpenAI's Chat Completions API (so an OpenAI-compatible
 * gateway works too); `anthropic` uses the Messages API. The key goes into the provider only.
 */
export function createLanguageModel(target: ModelTarget): LanguageModelV3 {
  switch (target.provider) {
    case 'openai-compatible':
      return createOpenAICompatible({
        name: 'openai-compatible',
        baseURL: target.baseUrl ?? '',
        ...(target.apiKey ? { apiKey: target.apiKey } : {}),
        supportsStructuredOutputs: target.structuredOutputs,
      }).chatModel(target.modelName);
    case 'openai':
      return createOpenAI({
        apiKey: target.apiKey,
        baseURL: target.baseUrl ?? DEFAULT_BASE_URLS.openai,
      }).chat(target.modelName);
    case 'anthropic':
      return createAnthropic({
        apiKey: target.apiKey,
        baseURL: target.baseUrl ?? DEFAULT_BASE_URLS.anthropic,
      })(target.modelName);
  }
}
