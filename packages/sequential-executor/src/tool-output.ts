import { conciseMessage } from "@parallel-tool-calls/core-metadata";
import { resultText } from "./messages.js";
import { EMPTY_RESULT_CONTENT, errorResult, type ToolResult } from "./result.js";

function readOutput(toolCallId: string, name: string, output: unknown): ToolResult | undefined {
  if (typeof output === "string") {
    return { toolCallId, name, content: output || EMPTY_RESULT_CONTENT, isError: false, status: "ok" };
  }
  if (typeof output !== "object" || output === null) return undefined;
  // Each field is read once: a getter may answer differently (or throw) the second time.
  const { content, images, isError } = output as { content?: unknown; images?: unknown; isError?: unknown };
  if (typeof content !== "string") return undefined;
  const failed = isError === true;
  const result: ToolResult = {
    toolCallId,
    name,
    content: content || EMPTY_RESULT_CONTENT,
    isError: failed,
    status: failed ? "error" : "ok",
  };
  if (Array.isArray(images) && images.length > 0) result.images = [...images];
  return result;
}

/**
 * Turns what `execute` returned into a result; anything not shaped like a `ToolOutput` is an error.
 * Never throws: a revoked proxy or a throwing getter is reported as an invalid result.
 */
export function resultFromOutput(toolCallId: string, name: string, output: unknown): ToolResult {
  let result: ToolResult | undefined;
  try {
    result = readOutput(toolCallId, name, output);
  } catch {
    result = undefined;
  }
  return result ?? errorResult(toolCallId, name, "error", resultText.badOutput(name));
}

/** A thrown error as a result: its message's first line, no stack, credentials masked. Never throws. */
export function resultFromThrow(toolCallId: string, name: string, error: unknown): ToolResult {
  return errorResult(toolCallId, name, "error", resultText.threw(name, conciseMessage(error)));
}
