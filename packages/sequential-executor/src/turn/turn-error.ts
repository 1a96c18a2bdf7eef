import { conciseMessage } from "../concise-message.js";

/**
 * Why a turn did not complete:
 * - `stream_failed`: the handler threw or its stream failed (HTTP error, cut, in-stream error,
 *   truncation, timeout); `cause` is the handler's own typed error
 * - `aborted`: the caller's signal aborted the turn
 */
export type ToolTurnErrorCode = "stream_failed" | "aborted";

/** The typed error on a failed or aborted turn: one redacted line, the original as `cause`. */
export class ToolTurnError extends Error {
  override readonly name = "ToolTurnError";
  readonly code: ToolTurnErrorCode;

  constructor(code: ToolTurnErrorCode, cause: unknown) {
    super(code === "aborted" ? `Turn aborted: ${conciseMessage(cause)}` : conciseMessage(cause), { cause });
    this.code = code;
  }

  toJSON(): { name: string; code: ToolTurnErrorCode; message: string } {
    return { name: this.name, code: this.code, message: this.message };
  }
}

/** Carried on `tool_call_end.error` for a call whose input cannot be sent back to the model. */
export class UnreplayableArgumentsError extends Error {
  override readonly name = "UnreplayableArgumentsError";
  readonly code = "arguments_not_replayable";

  constructor(callId: string, cause: unknown) {
    super(`the arguments of tool call ${callId} cannot be serialised back to the model (${conciseMessage(cause)})`, {
      cause,
    });
  }
}
