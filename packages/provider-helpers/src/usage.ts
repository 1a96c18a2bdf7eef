import type { ApiStreamUsageChunk } from "@parallel-tool-calls/core-metadata";
import type { WireUsage } from "./wire-types.js";

/** How a handler prices a request from its usage report; `undefined` when unknown. */
export type CostOf = (usage: WireUsage) => number | undefined;

/** OpenRouter bills `cost`, plus the upstream's own inference cost when it reports one (BYOK). */
export const openRouterCost: CostOf = (usage) => {
  if (typeof usage.cost !== "number") return undefined;
  return usage.cost + (usage.cost_details?.upstream_inference_cost ?? 0);
};

function count(value: number | null | undefined): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/**
 * Output tokens in the one meaning every handler reports: everything the model generated,
 * reasoning INCLUDED (OpenAI's `completion_tokens`). xAI's `completion_tokens` leave reasoning out
 * (its `total_tokens` = prompt + completion + reasoning); that shape is recognised from the totals
 * and the reasoning is added back, so `outputTokens` never depends on the provider.
 */
function outputTokensOf(usage: WireUsage): number {
  const prompt = count(usage.prompt_tokens) ?? 0;
  const completion = count(usage.completion_tokens) ?? 0;
  const reasoning = count(usage.completion_tokens_details?.reasoning_tokens) ?? 0;
  const total = count(usage.total_tokens);
  const reasoningOnTop =
    reasoning > 0 && total !== undefined && total === prompt + completion + reasoning && total !== prompt + completion;
  return reasoningOnTop ? completion + reasoning : completion;
}

/**
 * The `usage` chunk of a stream (see `ApiStreamUsageChunk`): `inputTokens` = prompt tokens, cache
 * reads included; `outputTokens` = generated tokens, reasoning included ({@link outputTokensOf});
 * `reasoningTokens` = the reasoning part of `outputTokens`; cost when the handler can price it.
 */
export function toUsageChunk(usage: WireUsage, costOf?: CostOf, inferenceProvider?: string): ApiStreamUsageChunk {
  const chunk: ApiStreamUsageChunk = {
    type: "usage",
    inputTokens: count(usage.prompt_tokens) ?? 0,
    outputTokens: outputTokensOf(usage),
  };
  const cacheRead = count(usage.prompt_tokens_details?.cached_tokens);
  if (cacheRead !== undefined) chunk.cacheReadTokens = cacheRead;
  const cacheWrite = count(usage.prompt_tokens_details?.cache_write_tokens);
  if (cacheWrite !== undefined) chunk.cacheWriteTokens = cacheWrite;
  const reasoning = count(usage.completion_tokens_details?.reasoning_tokens);
  if (reasoning !== undefined) chunk.reasoningTokens = reasoning;
  const cost = costOf?.(usage);
  if (cost !== undefined) chunk.totalCost = cost;
  if (inferenceProvider !== undefined) chunk.inferenceProvider = inferenceProvider;
  return chunk;
}
