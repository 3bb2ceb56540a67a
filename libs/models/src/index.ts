export { estimateCall, GATE_REFUSAL_CODES, isBudgetRefusal, isGateRefusal } from './call-gate.js';
export type { CallGate, CallTicket, GateCall } from './call-gate.js';
export { createModelClient } from './create-model-client.js';
export { MODEL_ERROR_CODES, ModelCallError, ModelConfigError, ModelOutputError } from './errors.js';
export type { ModelErrorCode } from './errors.js';
export { genAiMiddleware, inGenAiSpan } from './genai-telemetry.js';
export type { UsageSink } from './genai-telemetry.js';
export type { CheckedCall, ModelClient, ToolExecutor } from './model-client.js';
export {
  describeModel,
  MODEL_PROVIDERS,
  ModelEnv,
  parseModelSettings,
  parseModelSpec,
} from './model-settings.js';
export type { ModelProvider, ModelSettings, ModelTarget } from './model-settings.js';
export { costOf } from './pricing.js';
export type { ModelPrice } from './pricing.js';
export { correctionMessage, definePrompt, inputOfMessage, PROMPT_INPUT_MARK, withInput } from './prompt.js';
export type { PromptTemplate } from './prompt.js';
export { retryAfterMs } from './retry-after.js';
export { RateLimitEnv, rateLimitKeyOf, rateLimitOf } from './rate-limit-settings.js';
export type { ModelRateLimit } from './rate-limit-settings.js';
