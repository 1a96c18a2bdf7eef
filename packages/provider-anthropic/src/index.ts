/**
 * `AnthropicHandler`: Claude through Anthropic's Messages API, with the switch as
 * `tool_choice.disable_parallel_tool_use`, each tool call complete on its own block's end, and
 * thinking kept for the round trip.
 *
 * @packageDocumentation
 */
export { AnthropicHandler, type AnthropicHandlerOptions } from "./anthropic-handler.js";
export { addCacheBreakpoints, MAX_CACHE_BREAKPOINTS } from "./history/cache-breakpoints.js";
export { convertToAnthropicMessages } from "./history/convert-to-anthropic-messages.js";
export { buildMessagesRequestBody, type MessagesBodyInput } from "./request/build-request-body.js";
export {
  ANTHROPIC_DEFAULT_BASE_URL,
  ANTHROPIC_DEFAULT_MODEL_ID,
  DEFAULT_MAX_TOKENS,
  MIN_THINKING_BUDGET,
} from "./request/defaults.js";
export type {
  AnthropicCacheControl,
  AnthropicContentBlock,
  AnthropicImageBlock,
  AnthropicMessage,
  AnthropicRedactedThinkingBlock,
  AnthropicTextBlock,
  AnthropicThinkingBlock,
  AnthropicTool,
  AnthropicToolChoice,
  AnthropicToolResultBlock,
  AnthropicToolUseBlock,
  MessagesRequestBody,
} from "./wire-types.js";
