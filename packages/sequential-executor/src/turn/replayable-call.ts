import {
  type ApiStreamToolCallEndChunk,
  conciseMessage,
  type ToolUseBlockParam,
} from "@parallel-tool-calls/core-metadata";
import { UnreplayableArgumentsError } from "./turn-error.js";

export interface ReplayableCall {
  /** What the history keeps: the input as streamed, in a copy no tool can reach. */
  block: ToolUseBlockParam;
  /** What the executor gets: the event as is, or with an error when the input cannot be replayed. */
  end: ApiStreamToolCallEndChunk;
}

/**
 * Splits an ended call into its history block and the event the executor runs. The history gets
 * its own copy of the input (serialised once, parsed back), so a tool that mutates its input cannot
 * change what the model is shown. An input that cannot be serialised (nested too deep for
 * `JSON.stringify`) would make every later request fail: the call gets an error instead of running,
 * and the history keeps an empty input.
 */
export function replayableCall(end: ApiStreamToolCallEndChunk): ReplayableCall {
  let input: unknown = {};
  let forExecutor = end;
  if (end.input !== undefined) {
    try {
      input = JSON.parse(JSON.stringify(end.input));
    } catch (cause) {
      input = {};
      const { input: _dropped, ...rest } = end;
      const message = `the arguments of tool call ${end.id} cannot be serialised back to the model (${conciseMessage(cause)})`;
      forExecutor = { ...rest, error: new UnreplayableArgumentsError({ message, callId: end.id, cause }) };
    }
  }
  const block: ToolUseBlockParam = { type: "tool_use", id: end.id, name: end.name, input };
  if (end.extra_content !== undefined) block.extra_content = end.extra_content;
  return { block, end: forExecutor };
}
