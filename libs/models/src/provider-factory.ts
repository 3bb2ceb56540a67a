import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { ModelTarget } from './model-settings.js';

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
        ...(target.baseUrl ? { baseURL: target.baseUrl } : {}),
      }).chat(target.modelName);
    case 'anthropic':
      return createAnthropic({
        apiKey: target.apiKey,
        ...(target.baseUrl ? { baseURL: target.baseUrl } : {}),
      })(target.modelName);
  }
}
