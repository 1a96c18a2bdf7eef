export {
  type ChunkInput,
  type ChunkMeta,
  chunk,
  type ErrorChunkInput,
  errorChunk,
  type ToolCallChunksOptions,
  type ToolCallDelta,
  type ToolCallSpec,
  toolCallChunks,
  type Usage,
  usageChunk,
} from "./chunks.js";
export { DEFAULT_RETRY_AFTER_SECONDS, renderError } from "./error-bodies.js";
export { exampleModel } from "./example-model.js";
export { PromptCache } from "./prompt-cache.js";
export { readmeExamples } from "./readme-examples.js";
export { encryptedContentFor } from "./responses/encrypted-reasoning.js";
export { type GptModelOptions, gptModel } from "./responses/gpt-model.js";
export { RESPONSES_PATH } from "./responses/responses-path.js";
export {
  type ResponsesEnding,
  type ResponsesOutputSpec,
  type ResponsesStreamOptions,
  type ResponsesUsage,
  responsesStream,
} from "./responses/responses-stream.js";
export { findResponsesRequestProblem, type ResponsesRequestProblem } from "./responses/validate-responses.js";
export { startTestServer } from "./server.js";
export { isStrictModelId, STRICT_MODELS, type StrictModelId, strictModel } from "./strict-model.js";
export {
  checkStrictRule,
  SKIP_THOUGHT_SIGNATURE,
  type StrictRule,
  strictRuleFor,
  thoughtSignatureFor,
} from "./strict-rules.js";
export type {
  ErrorResponse,
  ErrorStatus,
  JsonResponse,
  RecordedRequest,
  ResetResponse,
  ScriptedResponse,
  ScriptHandler,
  SseEvent,
  StreamResponse,
  TestServer,
  TestServerOptions,
  TextResponse,
} from "./types.js";
export { type ChatRequestProblem, findChatRequestProblem, validateChatRequest } from "./validate.js";
