export type { ApiHandler, CreateMessageOptions, ModelInfo } from "./api-handler.js";
export { type BuildCreateMessageMetadataInput, buildCreateMessageMetadata } from "./build-metadata.js";
export { conciseMessage } from "./concise-message.js";
export { ParallelToolCallsError, type ParallelToolCallsErrorOptions } from "./errors.js";
export type {
  ContentBlockParam,
  ImageBlockParam,
  ImageSource,
  MessageParam,
  ProviderDataBlockParam,
  ReasoningBlockParam,
  ReasoningDetail,
  RedactedThinkingBlockParam,
  TextBlockParam,
  ThinkingBlockParam,
  ToolResultBlockParam,
  ToolUseBlockParam,
} from "./messages.js";
export type { ApiHandlerCreateMessageMetadata } from "./metadata.js";
export { resolveToolProtocol, type ToolProtocol } from "./protocol.js";
export type { ApiProvider, ProviderSettings, ReasoningEffort } from "./provider-settings.js";
export * from "./redact.js";
export type { RetryOptions } from "./retry-options.js";
export type {
  ApiStream,
  ApiStreamChunk,
  ApiStreamErrorChunk,
  ApiStreamFinishReasonChunk,
  ApiStreamProviderBlockChunk,
  ApiStreamReasoningChunk,
  ApiStreamReasoningDetailsChunk,
  ApiStreamRetryChunk,
  ApiStreamTextChunk,
  ApiStreamToolCallCompleteChunk,
  ApiStreamToolCallDeltaChunk,
  ApiStreamToolCallEndChunk,
  ApiStreamToolCallPartialChunk,
  ApiStreamToolCallStartChunk,
  ApiStreamUsageChunk,
  RawToolCallFragment,
  ToolCallIssue,
  ToolCallStreamEvent,
} from "./stream.js";
export type { ChatCompletionTool, ChatCompletionToolChoiceOption, FunctionDefinition } from "./tools.js";
