import type { RawToolCallFragment, ToolCallIssue } from "@parallel-tool-calls/core-metadata";

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
}

export type ToolCallProtocolErrorCode =
  /** A fragment with content arrived for a call that had already ended. */
  | "fragment_after_end"
  /** A call was tracked but never received a name, so it cannot be executed or answered. */
  | "unnamed_call"
  /** A chunk that is not a tool-call fragment (not an object, or arguments of an unusable type). */
  | "invalid_fragment"
  /** A fragment arrived after `finalizeRawChunks()`. */
  | "after_finalize";

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
  readonly fragment: RawToolCallFragment | undefined;
  /** Arguments received for the call (for `unnamed_call`). */
  readonly arguments: string | undefined;

  constructor(
    code: ToolCallProtocolErrorCode,
    message: string,
    details: { callId?: string; fragment?: RawToolCallFragment; arguments?: string } = {},
  ) {
    super(message);
    this.code = code;
    this.callId = details.callId;
    this.fragment = details.fragment;
    this.arguments = details.arguments;
  }
}
