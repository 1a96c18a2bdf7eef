import type { ToolResultStatus } from "./result.js";

/**
 * What happened to a call, when. Every call gets `queued` (first seen in the stream) and exactly
 * one `finished` (its result was fixed); `started` only when its tool's `execute` was invoked.
 */
export interface TimelineEvent {
  type: "queued" | "started" | "finished";
  toolCallId: string;
  name: string;
  /** From the executor's `now` option (default `Date.now`). */
  at: number;
  /** On `finished` only. */
  isError?: boolean;
  /** On `finished` only. */
  status?: ToolResultStatus;
}

/** A `reportProgress` message, tagged with its call. */
export interface ToolProgress {
  toolCallId: string;
  name: string;
  message: string | Record<string, unknown>;
  at: number;
}
