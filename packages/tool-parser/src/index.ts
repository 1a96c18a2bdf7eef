export { randomCallId } from "./call-ids.js";
export {
  ToolCallArgumentsError,
  type ToolCallArgumentsErrorCode,
  ToolCallProtocolError,
  type ToolCallProtocolErrorCode,
} from "./errors.js";
export { type McpToolName, parseMcpToolName } from "./mcp-name.js";
export { NativeToolCallParser } from "./native-tool-call-parser.js";
export { closePartialJson, parsePartialJson } from "./partial-json.js";
export type { NativeToolCallParserOptions, ToolCallDeltaEvent, ToolCallParserEvent } from "./types.js";
