export type {
  ApiStreamToolCallDeltaChunk,
  ApiStreamToolCallEndChunk,
  ApiStreamToolCallPartialChunk,
  ApiStreamToolCallStartChunk,
  RawToolCallFragment,
  ToolCallIssue,
  ToolCallStreamEvent,
} from "@parallel-tool-calls/core-metadata";
export {
  ToolCallArgumentsError,
  type ToolCallArgumentsErrorCode,
  type ToolCallArgumentsErrorOptions,
  ToolCallProtocolError,
  type ToolCallProtocolErrorCode,
  type ToolCallProtocolErrorOptions,
} from "./errors.js";
export type { ToolCallFragmentInput, WireToolCallFragment } from "./fragment-fields.js";
export { type McpToolName, parseMcpToolName } from "./mcp-name.js";
export { NativeToolCallParser } from "./native-tool-call-parser.js";
export {
  type ParsedStreamChunk,
  type ParseToolCallStreamOptions,
  parseToolCallStream,
} from "./parse-tool-call-stream.js";
export type { NativeToolCallParserOptions, ToolCallDeltaEvent, ToolCallParserEvent } from "./types.js";
