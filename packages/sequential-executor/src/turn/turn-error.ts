import { conciseMessage, ParallelToolCallsError } from "@parallel-tool-calls/core-metadata";

/**
 * Why a turn did not complete:
 * - `stream_failed`: the handler threw or its stream failed (HTTP error, cut, in-stream error,
 *   truncation, timeout); `cause` is the handler's own typed error
 * - `aborted`: the caller's signal aborted the turn; `cause` is the signal's reason
 * - `deadline_exceeded`: the turn ran longer than its `deadlineMs` and was stopped like an abort
 */
export type ToolTurnErrorCode = "stream_failed" | "aborted" | "deadline_exceeded";

/** The typed error on a failed or aborted turn: one redacted line, the original as `cause`. */
export class ToolTurnError extends ParallelToolCallsError<ToolTurnErrorCode> {}

/** The turn's error for `cause`, with the one-line, redacted message the turn reports. */
export function toolTurnError(code: ToolTurnErrorCode, cause: unknown): ToolTurnError {
  const line = conciseMessage(cause);
  return new ToolTurnError({ code, message: code === "aborted" ? `Turn aborted: ${line}` : line, cause });
}

/** What an {@link UnreplayableArgumentsError} is made of. */
export interface UnreplayableArgumentsErrorOptions {
  /** Always `arguments_not_replayable`; may be left out. */
  code?: "arguments_not_replayable";
  /** One line, naming the call. */
  message: string;
  /** Id of the tool call whose input cannot be sent back. */
  callId: string;
  /** What `JSON.stringify` threw. */
  cause?: unknown;
}

/** Carried on `tool_call_end.error` for a call whose input cannot be sent back to the model. */
export class UnreplayableArgumentsError extends ParallelToolCallsError<"arguments_not_replayable"> {
  /** Id of the tool call whose input cannot be sent back. */
  readonly callId: string;

  constructor(options: UnreplayableArgumentsErrorOptions) {
    super({ ...options, code: "arguments_not_replayable" });
    this.callId = options.callId;
  }
}
