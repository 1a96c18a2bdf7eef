/**
 * The handler for OpenAI-compatible Chat Completions servers, `addNativeToolCallsToParams`,
 * `convertToOpenAiMessages`, the per-model history rules and the typed provider errors.
 *
 * @packageDocumentation
 */
// What the other packages of the repository need besides this is in `./internal.ts`
// (`@parallel-tool-calls/provider-helpers/internal`), with no stability promise.
export type {
  CacheControl,
  ChatAssistantMessage,
  ChatMessage,
  ChatSystemMessage,
  ChatTextPart,
  ChatToolCall,
  ChatToolMessage,
  ChatUserMessage,
  ChatUserPart,
} from "./chat-request-body.js";
export type { HandlerClientOptions } from "./client-options.js";
export { convertToOpenAiMessages, type MessageConversionOptions } from "./convert-to-openai-messages.js";
export { DEFAULT_RETRY_OPTIONS, type ResolvedRetryOptions } from "./core/retry-policy.js";
export { RETRYABLE_STATUSES } from "./core/retryable-failure.js";
export {
  ProviderAbortError,
  ProviderConfigError,
  type ProviderConfigErrorCode,
  ProviderConnectionError,
  type ProviderConnectionErrorCode,
  ProviderError,
  type ProviderErrorCode,
  type ProviderErrorOptions,
  ProviderFinishReasonError,
  type ProviderFinishReasonErrorOptions,
  ProviderHttpError,
  type ProviderHttpErrorCode,
  type ProviderHttpErrorOptions,
  ProviderIdleTimeoutError,
  type ProviderIdleTimeoutErrorOptions,
  ProviderRateLimitError,
  type ProviderRateLimitErrorOptions,
  ProviderResponseError,
  type ProviderResponseErrorCode,
  ProviderStreamError,
  type ProviderStreamErrorOptions,
} from "./errors.js";
export { type ModelRoute, type ModelRules, modelRulesFor } from "./model-rules.js";
export { addNativeToolCallsToParams, type NativeToolFields } from "./native-tool-params.js";
export { OpenAICompatibleHandler, type OpenAICompatibleHandlerOptions } from "./openai-compatible-handler.js";
export {
  isOpenAICompatiblePreset,
  OPENAI_COMPATIBLE_PRESETS,
  type OpenAICompatiblePreset,
  type OpenAICompatiblePresetDefaults,
} from "./presets.js";
export { DEFAULT_IDLE_TIMEOUT_MS, DEFAULT_MAX_EVENT_CHARS } from "./stream-bounds.js";
