import type { ApiStreamReasoningDetailsChunk, ReasoningDetail } from "@parallel-tool-calls/core-metadata";
import { isRecord } from "@parallel-tool-calls/core-metadata/internal";
import type { WireReasoningDetail } from "./wire-types.js";

// Streamed piecewise: fragments of one detail (same type and index) are concatenated.
const APPENDED = ["text", "summary", "data"] as const;

/**
 * Accumulates `delta.reasoning_details[]` over a stream: one detail per `type` + `index`, its text,
 * summary and data concatenated, other fields taking their latest value. The result goes back to
 * OpenRouter unchanged with the assistant message (Gemini checks its thought signatures there).
 */
export class ReasoningDetailsAccumulator {
  readonly #details = new Map<string, ReasoningDetail>();

  add(details: readonly WireReasoningDetail[] | null | undefined): void {
    if (!Array.isArray(details)) return;
    for (const detail of details) {
      if (!isRecord(detail) || typeof detail.type !== "string") continue;
      const key = `${detail.type}\u0000${detail.index ?? 0}`;
      const seen = this.#details.get(key);
      if (!seen) {
        this.#details.set(key, { ...detail, type: detail.type });
        continue;
      }
      for (const [field, value] of Object.entries(detail)) {
        if (value === undefined || value === null) continue;
        const previous = seen[field];
        const append = (APPENDED as readonly string[]).includes(field) && typeof previous === "string";
        seen[field] = append && typeof value === "string" ? previous + value : value;
      }
    }
  }

  /** The chunk to yield once the stream has ended, or `undefined` when nothing was streamed. */
  toChunk(): ApiStreamReasoningDetailsChunk | undefined {
    // An encrypted detail without data proves nothing and would be rejected when sent back.
    const details = [...this.#details.values()].filter((d) => d.type !== "reasoning.encrypted" || !!d.data);
    return details.length > 0 ? { type: "reasoning_details", details } : undefined;
  }
}
