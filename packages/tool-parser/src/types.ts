import type {
  ApiStreamToolCallDeltaChunk,
  ApiStreamToolCallEndChunk,
  ApiStreamToolCallStartChunk,
} from "@parallel-tool-calls/core-metadata";
import type { ToolCallProtocolError } from "./errors.js";

/** Options of a {@link NativeToolCallParser}; all optional. */
export interface NativeToolCallParserOptions {
  /**
   * Attach `partialInput` (a best-effort parse of the arguments so far) to delta events, for live
   * UIs. Off by default. Refreshed only after the arguments grew geometrically, so the total cost
   * stays linear: not every delta carries it.
   */
  partialInput?: boolean;
  /** Receives every protocol problem (unnamed calls, fragments after a call ended, bad chunks). */
  onWarning?: (warning: ToolCallProtocolError) => void;
  /** Id for calls the wire sent without one; the parser makes the results unique. */
  generateId?: () => string;
}

/** A `tool_call_delta` that may carry the partial arguments when `partialInput` was requested. */
export interface ToolCallDeltaEvent extends ApiStreamToolCallDeltaChunk {
  /** Best-effort parse of the arguments so far; display only, never executed. */
  partialInput?: unknown;
}

/** What the parser emits for a call: its start, each argument fragment, its one end. */
export type ToolCallParserEvent = ApiStreamToolCallStartChunk | ToolCallDeltaEvent | ApiStreamToolCallEndChunk;
