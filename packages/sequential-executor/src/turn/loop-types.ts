import type { MessageParam } from "@parallel-tool-calls/core-metadata";
import type { ToolResultStatus } from "../result.js";
import type { ToolTurnError } from "./turn-error.js";
import type { RunToolTurnOptions, ToolTurnEvent, ToolTurnStatus } from "./turn-types.js";
import type { TurnUsage } from "./usage.js";

/** A turn event, tagged with the turn (1-based) it belongs to. */
export type ToolLoopEvent = ToolTurnEvent & { turn: number };

/** What {@link runToolLoop} needs: a turn's options, with the task and the limit of turns. */
export interface RunToolLoopOptions extends Omit<RunToolTurnOptions, "history" | "onEvent"> {
  /** The user's task, appended as a user message after `history`. */
  task?: string;
  /** A conversation to continue (copied, never mutated). */
  history?: readonly MessageParam[];
  /** Requests allowed before the loop stops with `max_turns` (default 10). */
  maxTurns?: number;
  /** Synchronous observer of every event of every turn, in order; what it throws is ignored. */
  onEvent?: (event: ToolLoopEvent) => void;
}

/**
 * - `completed`: the model answered without tool calls
 * - `max_turns`: the limit was reached while the model still called tools (the history ends with
 *   their results, ready to continue)
 * - `failed` / `aborted`: as for a turn; `error` says why
 */
export type ToolLoopStatus = "completed" | "max_turns" | "failed" | "aborted";

/** One turn of a loop, in short. */
export interface ToolLoopTurnSummary {
  /** 1-based. */
  turn: number;
  /** How the turn ended. */
  status: ToolTurnStatus;
  /** The text of its response. */
  text: string;
  /** The turn's complete calls in order, with their input as the history keeps it and their result's status. */
  toolCalls: Array<{ toolCallId: string; name: string; input: unknown; status: ToolResultStatus; isError: boolean }>;
  /** What the turn's response reported. */
  usage: TurnUsage;
  /** The last `finish_reason` of the response. */
  finishReason?: string;
  /** Set when the turn failed or was aborted. */
  error?: ToolTurnError;
  /** Time the turn took, by `now`. */
  durationMs: number;
}

/** How a loop ended, and the whole conversation. */
export interface ToolLoopResult {
  /** Why the loop stopped. */
  status: ToolLoopStatus;
  /** The text of the last response. */
  finalText: string;
  /** The whole conversation: valid for the next request whatever happened. */
  history: MessageParam[];
  /** One summary per turn, in order. */
  turns: ToolLoopTurnSummary[];
  /** Requests actually sent. */
  requests: number;
  /** Tool calls that completed in the stream, over all turns. */
  toolCalls: number;
  /** Summed over all requests. */
  usage: TurnUsage;
  /** Set when `status` is `failed` or `aborted`. */
  error?: ToolTurnError;
}

/** A running loop: iterate it for events (optional), await `result` (never rejects). */
export interface ToolLoop extends AsyncIterable<ToolLoopEvent> {
  /** Settles when the loop stops. */
  readonly result: Promise<ToolLoopResult>;
}
