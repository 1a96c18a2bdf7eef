import type { ToolCallIssue } from "@parallel-tool-calls/core-metadata";
import type { ToolCallFragmentInput } from "./fragment-fields.js";

export type ToolCallArgumentsErrorCode = "invalid_json" | "not_an_object";

/** Why a call's final arguments could not become an `input` object. Carried on `tool_call_end.error`. */
export class ToolCallArgumentsError extends Error implements ToolCallIssue {
  override readonly name = "ToolCallArgumentsError";
  readonly code: ToolCallArgumentsErrorCode;
  /** Id of the tool call whose arguments failed. */
  readonly callId: string;

  constructor(code: ToolCallArgumentsErrorCode, callId: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.callId = callId;
  }

  /** `JSON.stringify` of an Error drops `message`; events carrying this error are often logged as JSON. */
  toJSON(): { name: string; code: ToolCallArgumentsErrorCode; callId: string; message: string } {
    return { name: this.name, code: this.code, callId: this.callId, message: this.message };
  }
}

export type ToolCallProtocolErrorCode =
  /** A fragment with content arrived for a call that had already ended. */
  | "fragment_after_end"
  /** A call was tracked but never received a name, so it cannot be executed or answered. */
  | "unnamed_call"
  /** A chunk that is not a tool-call fragment (not an object, or arguments of an unusable type). */
  | "invalid_fragment"
  /** A fragment arrived after `finalizeRawChunks()`. */
  | "after_finalize"
  /** A fragment's `index` was not an integer (e.g. the string "0"); digits are read, anything else ignored. */
  | "invalid_index";

/**
 * A stream that breaks the tool-call protocol. Reported through `onWarning` and `parser.warnings`,
 * never thrown: one stray fragment must not abort a whole turn. The offending data is kept on the
 * error so nothing is lost.
 */
export class ToolCallProtocolError extends Error implements ToolCallIssue {
  override readonly name = "ToolCallProtocolError";
  readonly code: ToolCallProtocolErrorCode;
  /** The call concerned, when one could be identified. */
  readonly callId: string | undefined;
  /** The fragment that was not applied, when the error is about one. */
  readonly fragment: ToolCallFragmentInput | undefined;
  /** Arguments received for the call (for `unnamed_call`). */
  readonly arguments: string | undefined;

  constructor(
    code: ToolCallProtocolErrorCode,
    message: string,
    details: { callId?: string; fragment?: ToolCallFragmentInput; arguments?: string } = {},
  ) {
    super(message);
    this.code = code;
    this.callId = details.callId;
    this.fragment = details.fragment;
    this.arguments = details.arguments;
  }

  /** Keeps the message when a warning is logged as JSON. */
  toJSON(): { name: string; code: ToolCallProtocolErrorCode; callId?: string; message: string } {
    return {
      name: this.name,
      code: this.code,
      ...(this.callId !== undefined ? { callId: this.callId } : {}),
      message: this.message,
    };
  }
}
