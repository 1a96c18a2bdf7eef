import type { ImageBlockParam, ToolResultBlockParam } from "@parallel-tool-calls/core-metadata";
import { EMPTY_RESULT_CONTENT, INTERRUPTED_BEFORE_COMPLETION, type ToolResult } from "./result.js";

/**
 * Results as Anthropic-style user content: one `tool_result` block per result (string content,
 * `is_error` only when set), each followed by that result's images as separate `image` blocks.
 */
export function toToolResultBlocks(results: readonly ToolResult[]): Array<ToolResultBlockParam | ImageBlockParam> {
  const blocks: Array<ToolResultBlockParam | ImageBlockParam> = [];
  for (const result of results) {
    const block: ToolResultBlockParam = {
      type: "tool_result",
      tool_use_id: result.toolCallId,
      content: result.content || EMPTY_RESULT_CONTENT,
    };
    if (result.isError) block.is_error = true;
    blocks.push(block);
    if (result.images) blocks.push(...result.images);
  }
  return blocks;
}

/** A tool call of a saved assistant message. */
export interface SavedToolCall {
  /** The tool call id (`tool_use.id`). */
  id: string;
  /** The tool's name. */
  name: string;
}

/** A saved result; `status` is derived from `isError` when missing. */
export type SavedToolResult = Omit<ToolResult, "status" | "isError" | "name"> &
  Partial<Pick<ToolResult, "status" | "isError" | "name">>;

/**
 * Repairs the results of a saved turn so that the next request is valid: keeps the first result
 * per call id, drops results for ids that are not calls of the turn, and answers every call that
 * has none with "Tool execution was interrupted before completion." Returns one result per call,
 * in call order (the first of repeated call ids decides the position).
 */
export function validateAndFixToolResults(
  toolCalls: readonly SavedToolCall[],
  results: readonly SavedToolResult[],
): ToolResult[] {
  const firstById = new Map<string, SavedToolResult>();
  for (const result of results) {
    if (!firstById.has(result.toolCallId)) firstById.set(result.toolCallId, result);
  }
  const fixed: ToolResult[] = [];
  const seen = new Set<string>();
  for (const call of toolCalls) {
    if (seen.has(call.id)) continue;
    seen.add(call.id);
    const saved = firstById.get(call.id);
    if (!saved) {
      fixed.push({
        toolCallId: call.id,
        name: call.name,
        content: INTERRUPTED_BEFORE_COMPLETION,
        isError: true,
        status: "interrupted",
      });
      continue;
    }
    const isError = saved.isError ?? (saved.status !== undefined && saved.status !== "ok");
    const result: ToolResult = {
      toolCallId: call.id,
      name: saved.name ?? call.name,
      content: saved.content || EMPTY_RESULT_CONTENT,
      isError,
      status: saved.status ?? (isError ? "error" : "ok"),
    };
    if (saved.images && saved.images.length > 0) result.images = saved.images;
    fixed.push(result);
  }
  return fixed;
}
