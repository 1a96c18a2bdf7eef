export { addCacheBreakpoints } from "./cache-breakpoints.js";
export { type ChatEndpoint, ChatHandlerCore, type ChatSendOptions } from "./chat-handler-core.js";
export { buildChatMessages, historyOptionsFor } from "./chat-messages.js";
export type {
  CacheControl,
  ChatAssistantMessage,
  ChatMessage,
  ChatProviderRouting,
  ChatReasoningControl,
  ChatRequestBody,
  ChatSystemMessage,
  ChatTextPart,
  ChatToolCall,
  ChatToolMessage,
  ChatUserMessage,
  ChatUserPart,
} from "./chat-request-body.js";
export { buildChatRequestBody, type ChatRequestExtras, type ChatRequestInput } from "./chat-request-builder.js";
export { type HandlerClientOptions, NO_API_KEY, sdkTransportOptions, streamBoundsOf } from "./client-options.js";
export {
  type ConvertOptions,
  convertToOpenAiMessages,
  SKIP_THOUGHT_SIGNATURE,
} from "./convert-to-openai-messages.js";
export {
  ProviderAbortError,
  ProviderConfigError,
  ProviderConnectionError,
  ProviderError,
  type ProviderErrorCode,
  type ProviderErrorInit,
  ProviderFinishReasonError,
  ProviderHttpError,
  type ProviderHttpErrorInit,
  ProviderIdleTimeoutError,
  ProviderRateLimitError,
  ProviderResponseError,
  type ProviderResponseErrorCode,
  ProviderStreamError,
} from "./errors.js";
export { type HandlerSecretSources, handlerSecrets } from "./handler-secrets.js";
export { type ChunkStreamOptions, mapChunkStream } from "./map-chunk-stream.js";
export { type ErrorContext, streamErrorFromBody, toProviderError } from "./map-provider-error.js";
export { type ModelRoute, type ModelRules, modelRulesFor } from "./model-rules.js";
export { addNativeToolCallsToParams, type NativeToolFields, nativeToolFields } from "./native-tool-params.js";
export { OpenAICompatibleHandler, type OpenAICompatibleHandlerOptions } from "./openai-compatible-handler.js";
export { buildOpenAICompatibleParams, type OpenAICompatibleParamsInput } from "./openai-compatible-params.js";
export {
  isOpenAICompatiblePreset,
  OPENAI_COMPATIBLE_PRESETS,
  type OpenAICompatiblePreset,
  type PresetDefaults,
} from "./presets.js";
export { ReasoningDetailsAccumulator } from "./reasoning-details.js";
export { redact, redactSecrets } from "./redact.js";
export { sanitizeToolCallId } from "./sanitize-tool-call-id.js";
export { type SseChunksInput, sseChunks } from "./sse-chunks.js";
export { SseDecoder, SseEventTooLargeError, type SseMessage } from "./sse-decoder.js";
export {
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_MAX_EVENT_CHARS,
  resolveStreamBounds,
  type StreamBounds,
} from "./stream-bounds.js";
export { type StreamChatCompletionInput, streamChatCompletion } from "./stream-chat-completion.js";
export { ToolCallIdMap, type ToolCallIdShape } from "./tool-call-ids.js";
export {
  readUpstreamErrorDetails,
  retryAfterFromHeaders,
  type UpstreamErrorDetails,
} from "./upstream-error-details.js";
export { type CostOf, openRouterCost, outputTokensOf, toUsageChunk } from "./usage.js";
export type { WireChunk, WireDelta, WireReasoningDetail, WireToolCallDelta, WireUsage } from "./wire-types.js";
