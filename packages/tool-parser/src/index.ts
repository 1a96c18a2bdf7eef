export type {
  ApiStreamToolCallDeltaChunk,
  ApiStreamToolCallEndChunk,
  ApiStreamToolCallPartialChunk,
  ApiStreamToolCallStartChunk,
  RawToolCallFragment,
  ToolCallIssue,
  ToolCallStreamEvent,
} from "@parallel-tool-calls/core-metadata";
export { randomCallId } from "./call-ids.js";
export {
  ToolCallArgumentsError,
  type ToolCallArgumentsErrorCode,
  ToolCallProtocolError,
  type ToolCallProtocolErrorCode,
} from "./errors.js";
export type { ToolCallFragmentInput, WireToolCallFragment } from "./fragment-fields.js";
export { type McpToolName, parseMcpToolName } from "./mcp-name.js";
export { NativeToolCallParser } from "./native-tool-call-parser.js";
export {
  type ParsedStreamChunk,
  type ParseToolCallStreamOptions,
  parseToolCallStream,
} from "./parse-tool-call-stream.js";
export { closePartialJson, parsePartialJson } from "./partial-json.js";
export type { NativeToolCallParserOptions, ToolCallDeltaEvent, ToolCallParserEvent } from "./types.js";
