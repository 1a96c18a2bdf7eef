import type { ApiStreamUsageChunk } from "@parallel-tool-calls/core-metadata";
import { isRecord } from "@parallel-tool-calls/core-metadata/internal";

const FIELDS = ["input_tokens", "output_tokens", "cache_creation_input_tokens", "cache_read_input_tokens"] as const;
type Field = (typeof FIELDS)[number];

function count(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * The usage of one response: `message_start` gives the prompt side, `message_delta` the output and,
 * in newer streams, final values of the prompt side too (they can differ with server tools), so a
 * later report of a field replaces an earlier one. Handed out once, whether the stream ends or fails.
 */
export class MessagesUsage {
  readonly #seen: Partial<Record<Field, number>> = {};
  #any = false;
  #taken = false;

  /** Notes the `usage` object of a `message_start` (its `message.usage`) or `message_delta`. */
  see(usage: unknown): void {
    if (!isRecord(usage)) return;
    for (const field of FIELDS) {
      const value = count(usage[field]);
      if (value === undefined) continue;
      this.#seen[field] = value;
      this.#any = true;
    }
  }

  /**
   * The project's one meaning: `inputTokens` counts the whole prompt, cache reads and writes
   * included (Anthropic reports them apart from `input_tokens`); `cacheReadTokens` and
   * `cacheWriteTokens` are parts of it. `undefined` when nothing was reported or it was taken.
   */
  take(): ApiStreamUsageChunk | undefined {
    if (!this.#any || this.#taken) return undefined;
    this.#taken = true;
    const seen = this.#seen;
    const write = seen.cache_creation_input_tokens;
    const read = seen.cache_read_input_tokens;
    const chunk: ApiStreamUsageChunk = {
      type: "usage",
      inputTokens: (seen.input_tokens ?? 0) + (write ?? 0) + (read ?? 0),
      outputTokens: seen.output_tokens ?? 0,
    };
    if (write !== undefined) chunk.cacheWriteTokens = write;
    if (read !== undefined) chunk.cacheReadTokens = read;
    return chunk;
  }
}
