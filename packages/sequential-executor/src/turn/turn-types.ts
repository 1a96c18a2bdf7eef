import type {
  ApiHandler,
  ApiHandlerCreateMessageMetadata,
  ApiStreamUsageChunk,
  MessageParam,
  RetryOptions,
  ToolCallIssue,
  ToolUseBlockParam,
} from "@parallel-tool-calls/core-metadata";
import type { ToolCallProtocolError } from "@parallel-tool-calls/tool-parser";
import type { SequentialToolExecutorOptions } from "../executor.js";
import type { ToolResult } from "../result.js";
import type { ToolTurnError } from "./turn-error.js";
import type { TurnUsage } from "./usage.js";

/** A call identified for events and reports. */
export interface CallRef {
  /** The tool call id. */
  toolCallId: string;
  /** The tool's name. */
  name: string;
}

/** What happened during a turn, in order; `at` comes from the `now` option (default `Date.now`). */
export type ToolTurnEvent =
  /** The request is being sent. */
  | { type: "request"; at: number }
  /**
   * The request failed before any of its response arrived and is sent again after `delayMs`:
   * "retrying in 3 s, attempt 2 of 3" (`attempt` of `maxAttempts`). `reason` is the failure's
   * code, HTTP status and one redacted line. Nothing of the failed attempt reached the turn.
   */
  | {
      type: "retry";
      attempt: number;
      maxAttempts: number;
      delayMs: number;
      reason: { code: string; status?: number; message: string };
      at: number;
    }
  | { type: "text"; text: string; at: number }
  | { type: "reasoning"; text: string; at: number }
  /** A call's name is known and its arguments are streaming. */
  | { type: "call_streaming"; toolCallId: string; name: string; at: number }
  /** An argument fragment; only with `callDeltas: true`. `partialInput` is for display only. */
  | { type: "call_delta"; toolCallId: string; delta: string; partialInput?: unknown; at: number }
  /** A call is complete in the stream: `input` when its arguments parsed, else `error`. */
  | {
      type: "call_complete";
      toolCallId: string;
      name: string;
      input?: Record<string, unknown>;
      error?: ToolCallIssue;
      at: number;
    }
  | { type: "tool_started"; toolCallId: string; name: string; at: number }
  /** A call's one result, whatever produced it (its tool, a rejection, an abort, a failed stream). */
  | { type: "tool_result"; toolCallId: string; name: string; result: ToolResult; at: number }
  | { type: "usage"; usage: Omit<ApiStreamUsageChunk, "type">; at: number }
  /** A protocol problem in the tool-call fragments (never fatal; see the tool-parser README). */
  | { type: "warning"; warning: ToolCallProtocolError; at: number }
  /** The response is over: `finishReason` is the last one seen, `error` set when it failed. */
  | { type: "stream_end"; finishReason?: string; error?: ToolTurnError; at: number }
  /** After an abort, a tool that ignored `ctx.signal` is still running; its late result is discarded. */
  | { type: "tool_abandoned"; toolCallId: string; name: string; at: number }
  | { type: "turn_end"; status: ToolTurnStatus; at: number };

/**
 * - `completed`: the model answered without tool calls
 * - `tool_calls`: the model called tools; every call has its result and the history is ready for
 *   the next request
 * - `failed`: the request or its stream failed (`error.code` `stream_failed`)
 * - `aborted`: the caller's signal aborted the turn (`error.code` `aborted`)
 */
export type ToolTurnStatus = "completed" | "tool_calls" | "failed" | "aborted";

/**
 * What {@link runToolTurn} needs. `registry`, `approve`, `startWhen`, `onProgress` and `now` go to
 * the turn's {@link SequentialToolExecutor} as they are.
 */
export interface RunToolTurnOptions
  extends Pick<SequentialToolExecutorOptions, "registry" | "approve" | "startWhen" | "onProgress" | "now"> {
  /**
   * Whether the model may emit several tool calls in this turn: one value for the request
   * (`parallel_tool_calls`, whenever it carries tools) and the executor (when off, only the first
   * call runs). Default: `metadata.parallelToolCalls`, else `PARALLEL_TOOL_CALLS` (the flag).
   */
  parallelToolCalls?: boolean;
  /** Sends the request and yields its stream (`createMessage`). */
  handler: ApiHandler;
  /** The system prompt of the request. */
  systemPrompt: string;
  /** The conversation so far; never mutated (the result's `history` is a new array). */
  history: readonly MessageParam[];
  /**
   * Request metadata. Default: `buildCreateMessageMetadata` with the registry's tools, `taskId`
   * and `mode`, so `parallelToolCalls` follows the flag. A `parallelToolCalls` option replaces its
   * value (in a copy; the object given is never changed).
   */
  metadata?: ApiHandlerCreateMessageMetadata;
  /** For the default metadata; default a random id per turn (pass one to keep it across turns). */
  taskId?: string;
  /** For the default metadata. */
  mode?: string;
  /**
   * Aborts the request and the running tool (through `ctx.signal`). `result` then settles at once,
   * without waiting for a tool that ignores the signal (reported as `tool_abandoned`).
   */
  signal?: AbortSignal;
  /** Synchronous observer of every event, in order; what it throws is ignored. */
  onEvent?: (event: ToolTurnEvent) => void;
  /** Emit `call_delta` events with a throttled `partialInput` (default false). */
  callDeltas?: boolean;
  /**
   * Retries of the request before its stream starts, overriding the handler's own options field
   * by field (handed to `createMessage`; `{ maxRetries: 0 }` turns them off for this turn). Each
   * retry is a `retry` event. Default: the handler's options.
   */
  retry?: RetryOptions;
}

/** How a turn ended, and the history to continue with. */
export interface ToolTurnResult {
  /** How the turn ended. */
  status: ToolTurnStatus;
  /** Reasoning, text and complete tool calls in stream order, provider data kept; absent when the model said nothing. */
  assistantMessage?: MessageParam;
  /** One `tool_result` per call of the assistant message (images after their result); absent without calls. */
  toolResultsMessage?: MessageParam;
  /** `history` + the assistant message + the results message: valid for the next request whatever happened. */
  history: MessageParam[];
  /** The complete calls, in stream order, as the history keeps them. */
  toolCalls: ToolUseBlockParam[];
  /**
   * One result per call seen in the stream, in order, including calls that never completed (they
   * are not in the history, since no request may carry them).
   */
  results: ToolResult[];
  /** All text of the response. */
  text: string;
  /** All reasoning of the response. */
  reasoning: string;
  /** Token counts and cost the response reported. */
  usage: TurnUsage;
  /** The last `finish_reason` of the response. */
  finishReason?: string;
  /** Set when `status` is `failed` or `aborted`. */
  error?: ToolTurnError;
  /** Tools still running after an abort (they ignored `ctx.signal`). */
  abandonedTools: CallRef[];
  /** Protocol problems the tool-call parser reported. */
  warnings: ToolCallProtocolError[];
  /** Whether a request was sent (false when the signal was already aborted). */
  requestSent: boolean;
  /** Time from the start of the turn to its end, by `now`. */
  durationMs: number;
}

/** A running turn: iterate it for events (optional), await `result` (never rejects). */
export interface ToolTurn extends AsyncIterable<ToolTurnEvent> {
  /** Settles when the turn is over and every call has its result. */
  readonly result: Promise<ToolTurnResult>;
}
