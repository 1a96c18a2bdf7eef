import { conciseMessage } from "./concise-message.js";
import { resultText } from "./messages.js";
import { EMPTY_RESULT_CONTENT, errorResult, type ToolResult } from "./result.js";

/** Turns what `execute` returned into a result; anything not shaped like a `ToolOutput` is an error. */
export function resultFromOutput(toolCallId: string, name: string, output: unknown): ToolResult {
  if (typeof output === "string") {
    return { toolCallId, name, content: output || EMPTY_RESULT_CONTENT, isError: false, status: "ok" };
  }
  if (typeof output === "object" && output !== null && typeof (output as { content?: unknown }).content === "string") {
    const { content, images, isError } = output as { content: string; images?: unknown; isError?: unknown };
    const failed = isError === true;
    const result: ToolResult = {
      toolCallId,
      name,
      content: content || EMPTY_RESULT_CONTENT,
      isError: failed,
      status: failed ? "error" : "ok",
    };
    if (Array.isArray(images) && images.length > 0) result.images = images;
    return result;
  }
  return errorResult(toolCallId, name, "error", resultText.badOutput(name));
}

/** A thrown error as a result: its message's first line, no stack, credentials masked. */
export function resultFromThrow(toolCallId: string, name: string, error: unknown): ToolResult {
  return errorResult(toolCallId, name, "error", resultText.threw(name, conciseMessage(error)));
}
