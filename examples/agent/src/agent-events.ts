import type { ToolResultStatus } from "@parallel-tool-calls/sequential-executor";

/** What the loop reports while it runs; `at` is milliseconds since the run started. */
export type AgentEvent =
  | { type: "request"; turn: number; at: number }
  | { type: "text"; turn: number; at: number; text: string }
  /** A tool call appeared in the stream. */
  | { type: "call_streaming"; turn: number; at: number; id: string; name: string }
  /** A tool call's arguments are complete in the stream (it may start now). */
  | { type: "call_complete"; turn: number; at: number; id: string; name: string; input?: Record<string, unknown> }
  | { type: "tool_started"; turn: number; at: number; id: string; name: string }
  | {
      type: "tool_finished";
      turn: number;
      at: number;
      id: string;
      name: string;
      status: ToolResultStatus;
      isError: boolean;
      content: string;
    }
  | { type: "stream_end"; turn: number; at: number; error?: string }
  | { type: "turn_end"; turn: number; at: number; summary: TurnSummary };

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface CallSummary {
  id: string;
  name: string;
  input?: Record<string, unknown>;
  status: ToolResultStatus;
  isError: boolean;
  /** Characters of the result the model reads. */
  resultChars: number;
}

export interface TurnSummary {
  turn: number;
  /** Model requests made for this turn (always 1: the loop never retries on its own). */
  requests: number;
  text: string;
  toolCalls: CallSummary[];
  usage: TokenUsage;
  streamMs: number;
  error?: string;
}
