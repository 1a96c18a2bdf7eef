import type { MessageParam } from "@parallel-tool-calls/core-metadata";
import type { ToolResultStatus } from "../result.js";
import type { ToolTurnError } from "./turn-error.js";
import type { RunToolTurnOptions, ToolTurnEvent, ToolTurnStatus } from "./turn-types.js";
import type { TurnUsage } from "./usage.js";

/** A turn event, tagged with the turn (1-based) it belongs to. */
export type ToolLoopEvent = ToolTurnEvent & { turn: number };

export interface RunToolLoopOptions extends Omit<RunToolTurnOptions, "history" | "onEvent"> {
  /** The user's task, appended as a user message after `history`. */
  task?: string;
  /** A conversation to continue (copied, never mutated). */
  history?: readonly MessageParam[];
  /** Requests allowed before the loop stops with `max_turns` (default 10). */
  maxTurns?: number;
  onEvent?: (event: ToolLoopEvent) => void;
}

/**
 * - `completed`: the model answered without tool calls
 * - `max_turns`: the limit was reached while the model still called tools (the history ends with
 *   their results, ready to continue)
 * - `failed` / `aborted`: as for a turn; `error` says why
 */
export type ToolLoopStatus = "completed" | "max_turns" | "failed" | "aborted";

export interface ToolLoopTurnSummary {
  turn: number;
  status: ToolTurnStatus;
  text: string;
  /** The turn's complete calls in order, with their input as the history keeps it and their result's status. */
  toolCalls: Array<{ toolCallId: string; name: string; input: unknown; status: ToolResultStatus; isError: boolean }>;
  usage: TurnUsage;
  finishReason?: string;
  error?: ToolTurnError;
  durationMs: number;
}

export interface ToolLoopResult {
  status: ToolLoopStatus;
  /** The text of the last response. */
  finalText: string;
  /** The whole conversation: valid for the next request whatever happened. */
  history: MessageParam[];
  turns: ToolLoopTurnSummary[];
  /** Requests actually sent. */
  requests: number;
  /** Tool calls that completed in the stream, over all turns. */
  toolCalls: number;
  usage: TurnUsage;
  error?: ToolTurnError;
}

export interface ToolLoop extends AsyncIterable<ToolLoopEvent> {
  readonly result: Promise<ToolLoopResult>;
}
