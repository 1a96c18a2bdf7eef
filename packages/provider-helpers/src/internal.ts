// `@parallel-tool-calls/provider-helpers/internal`: what the provider packages build their
// handlers from. Not part of the public API: no stability promise, may change in any release.
export { type ChatEndpoint, ChatHandlerCore } from "./chat-handler-core.js";
export type { ChatProviderRouting, ChatReasoningControl, ChatRequestBody } from "./chat-request-body.js";
export { buildChatRequestBody, type ChatBodyInput } from "./chat-request-builder.js";
export { NO_API_KEY, sdkTransportOptions, streamBoundsOf } from "./client-options.js";
export { resolveRetryOptions } from "./core/retry-policy.js";
export { type SendWithRetriesInput, sendWithRetries } from "./core/send-with-retries.js";
export { type GuardedStreamInput, guardedStream } from "./guarded-stream.js";
export { handlerSecrets } from "./handler-secrets.js";
export { assertHistoryMessage, invalidHistory } from "./history-message.js";
export { type ErrorContext, streamErrorFromBody, toProviderError } from "./map-provider-error.js";
export { nativeToolFields } from "./native-tool-params.js";
export { sseChunks } from "./sse-chunks.js";
export type { StreamBounds } from "./stream-bounds.js";
export { ToolCallIdMap } from "./tool-call-ids.js";
export { type CostOf, openRouterCost } from "./usage.js";
