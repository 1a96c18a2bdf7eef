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
export { startTestServer } from "./server.js";
export type {
  ErrorResponse,
  ErrorStatus,
  JsonResponse,
  RecordedRequest,
  ScriptedResponse,
  ScriptHandler,
  SseEvent,
  StreamResponse,
  TestServer,
  TestServerOptions,
  TextResponse,
} from "./types.js";
export { type ChatRequestProblem, findChatRequestProblem, validateChatRequest } from "./validate.js";
