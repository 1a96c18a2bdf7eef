import type { ImageBlockParam } from "@parallel-tool-calls/core-metadata";

/**
 * How a call ended. Only `ok` is a success; every other status has `isError: true`.
 * - `error`: the tool threw, returned `isError`, or returned something that is not a result
 * - `invalid`: arguments did not parse, failed the schema, or never finished streaming
 * - `unknown_tool`: no tool of that name in the registry
 * - `denied`: the `approve` hook said no
 * - `skipped`: a previous call of the turn was denied
 * - `single_tool_limit`: parallel tool calls are switched off and a tool already ran this turn
 * - `timed_out`: the tool ran longer than `toolTimeoutMs` (its signal was aborted)
 * - `interrupted`: the executor was aborted before the call finished
 * - `stream_failed`: the response stream failed before the call could start
 */
export type ToolResultStatus =
  | "ok"
  | "error"
  | "invalid"
  | "unknown_tool"
  | "denied"
  | "skipped"
  | "single_tool_limit"
  | "timed_out"
  | "interrupted"
  | "stream_failed";

/** Exactly one per tool call id. */
export interface ToolResult {
  /** The tool call id it answers. */
  toolCallId: string;
  /** The tool's name, as the call gave it. */
  name: string;
  /** What the model reads; never empty, never a stack trace. */
  content: string;
  /** True for every status but `ok` (and for `ok` results the tool marked as errors). */
  isError: boolean;
  /** Images the tool returned, sent after the result. */
  images?: ImageBlockParam[];
  /** How the call ended. */
  status: ToolResultStatus;
}

/** Content for a tool that returned nothing: empty tool results are rejected by some APIs. */
export const EMPTY_RESULT_CONTENT = "(tool did not return anything)";

export const INTERRUPTED_BEFORE_COMPLETION = "Tool execution was interrupted before completion.";

export function errorResult(toolCallId: string, name: string, status: ToolResultStatus, content: string): ToolResult {
  return { toolCallId, name, content, isError: true, status };
}
