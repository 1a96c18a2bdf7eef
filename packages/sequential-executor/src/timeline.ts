import type { ToolResultStatus } from "./result.js";

/**
 * What happened to a call, when. Every call gets `queued` (first seen in the stream) and exactly
 * one `finished` (its result was fixed); `started` only when its tool's `execute` was invoked.
 */
export interface TimelineEvent {
  /** What happened to the call. */
  type: "queued" | "started" | "finished";
  /** The tool call id. */
  toolCallId: string;
  /** The tool's name. */
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
  /** The tool call id. */
  toolCallId: string;
  /** The tool's name. */
  name: string;
  /** As the tool reported it. */
  message: string | Record<string, unknown>;
  /** From the executor's `now` option. */
  at: number;
}
