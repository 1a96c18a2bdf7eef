/**
 * `OpenAiNativeHandler`: OpenAI's Responses API (and Responses-compatible servers) with parallel
 * function calls, each complete on its own output item, and encrypted reasoning kept across turns.
 *
 * @packageDocumentation
 */

export { convertToResponsesInput } from "./history/convert-to-responses-input.js";
export {
  OPENAI_NATIVE_DEFAULT_BASE_URL,
  OpenAiNativeHandler,
  type OpenAiNativeHandlerOptions,
} from "./openai-native-handler.js";
export type {
  ResponsesAssistantMessage,
  ResponsesFunctionCall,
  ResponsesFunctionCallOutput,
  ResponsesInputItem,
  ResponsesInputPart,
  ResponsesReasoningItem,
  ResponsesUserMessage,
} from "./request/responses-request-body.js";
export { RESPONSES_PROTOCOL } from "./stream/provider-data.js";
