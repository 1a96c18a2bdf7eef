// `@parallel-tool-calls/provider-helpers/internal`: what provider-openrouter builds its handlers
// from. Not part of the public API: no stability promise, may change in any release.
export { type ChatEndpoint, ChatHandlerCore } from "./chat-handler-core.js";
export type { ChatProviderRouting, ChatReasoningControl, ChatRequestBody } from "./chat-request-body.js";
export { buildChatRequestBody, type ChatBodyInput } from "./chat-request-builder.js";
export { resolveRetryOptions } from "./core/retry-policy.js";
export { type SendWithRetriesInput, sendWithRetries } from "./core/send-with-retries.js";
export { type CostOf, openRouterCost } from "./usage.js";
