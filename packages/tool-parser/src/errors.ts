import { ParallelToolCallsError, type ToolCallIssue } from "@parallel-tool-calls/core-metadata";
import type { ToolCallFragmentInput } from "./fragment-fields.js";

/** Why a call's arguments have no `input`: not JSON at all, or JSON that is not an object. */
export type ToolCallArgumentsErrorCode = "invalid_json" | "not_an_object";

/** What a {@link ToolCallArgumentsError} is made of. */
export interface ToolCallArgumentsErrorOptions {
  /** Why the arguments have no `input`. */
  code: ToolCallArgumentsErrorCode;
  /** One line, naming the call. */
  message: string;
  /** Id of the tool call whose arguments failed. */
  callId: string;
  /** The `JSON.parse` error, for `invalid_json`. */
  cause?: unknown;
}

/** Why a call's final arguments could not become an `input` object. Carried on `tool_call_end.error`. */
export class ToolCallArgumentsError
  extends ParallelToolCallsError<ToolCallArgumentsErrorCode>
  implements ToolCallIssue
{
  /** Id of the tool call whose arguments failed. */
  readonly callId: string;

  constructor(options: ToolCallArgumentsErrorOptions) {
    super(options);
    this.callId = options.callId;
  }
}

/** Which rule of the tool-call protocol a stream broke. */
export type ToolCallProtocolErrorCode =
  /** A fragment with content arrived for a call that had already ended. */
  | "fragment_after_end"
  /** A call was tracked but never received a name, so it cannot be executed or answered. */
  | "unnamed_call"
  /** A chunk that is not a tool-call fragment (not an object, or arguments of an unusable type). */
  | "invalid_fragment"
  /** A fragment (or a completion) arrived after `finalizeRawChunks()`. */
  | "after_finalize"
  /** A `tool_call_complete` named no call the parser knows (neither its wire id nor its index). */
  | "unknown_call"
  /** A fragment's `index` was not an integer (e.g. the string "0"); digits are read, anything else ignored. */
  | "invalid_index";

/** What a {@link ToolCallProtocolError} is made of. */
export interface ToolCallProtocolErrorOptions {
  /** Which rule the stream broke. */
  code: ToolCallProtocolErrorCode;
  /** One line, naming the call when there is one. */
  message: string;
  /** The call concerned, when one could be identified. */
  callId?: string;
  /** The fragment that was not applied, when the error is about one. */
  fragment?: ToolCallFragmentInput;
  /** Arguments received for the call (for `unnamed_call`). */
  arguments?: string;
}

/**
 * A stream that breaks the tool-call protocol. Reported through `onWarning` and `parser.warnings`,
 * never thrown: one stray fragment must not abort a whole turn. The offending data is kept on the
 * error so nothing is lost.
 */
export class ToolCallProtocolError extends ParallelToolCallsError<ToolCallProtocolErrorCode> implements ToolCallIssue {
  /** The call concerned, when one could be identified. */
  readonly callId: string | undefined;
  /** The fragment that was not applied, when the error is about one. */
  readonly fragment: ToolCallFragmentInput | undefined;
  /** Arguments received for the call (for `unnamed_call`). */
  readonly arguments: string | undefined;

  constructor(options: ToolCallProtocolErrorOptions) {
    super({ code: options.code, message: options.message });
    this.callId = options.callId;
    this.fragment = options.fragment;
    this.arguments = options.arguments;
  }

  /**
   * Keeps `message` and the call id when a warning is logged as JSON. The fragment and arguments
   * are left out: they are the model's data, possibly large, and stay readable on the error itself.
   */
  override toJSON(): Record<string, unknown> {
    const { fragment: _fragment, arguments: _arguments, ...json } = super.toJSON();
    return json;
  }
}
