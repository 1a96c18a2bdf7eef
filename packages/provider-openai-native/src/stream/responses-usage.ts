import type { ApiStreamUsageChunk } from "@parallel-tool-calls/core-metadata";
import { isRecord } from "@parallel-tool-calls/core-metadata/internal";

function count(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * `response.usage` in the project's one meaning: `input_tokens` already include the cached ones
 * (`cacheReadTokens`), `output_tokens` already include reasoning (`reasoningTokens`), as
 * `ApiStreamUsageChunk` counts them. `undefined` when the response carries no usage.
 */
export function toUsageChunk(response: unknown): ApiStreamUsageChunk | undefined {
  const usage = isRecord(response) ? response.usage : undefined;
  if (!isRecord(usage)) return undefined;
  const chunk: ApiStreamUsageChunk = {
    type: "usage",
    inputTokens: count(usage.input_tokens) ?? 0,
    outputTokens: count(usage.output_tokens) ?? 0,
  };
  const input = isRecord(usage.input_tokens_details) ? usage.input_tokens_details : {};
  const output = isRecord(usage.output_tokens_details) ? usage.output_tokens_details : {};
  const cached = count(input.cached_tokens);
  if (cached !== undefined) chunk.cacheReadTokens = cached;
  const reasoning = count(output.reasoning_tokens);
  if (reasoning !== undefined) chunk.reasoningTokens = reasoning;
  return chunk;
}
