import type { ApiStreamUsageChunk } from "@parallel-tool-calls/core-metadata";

/** Token counts and cost summed over the usage reports of one or more requests. */
export interface TurnUsage {
  /** Prompt tokens, cache reads and writes included. */
  inputTokens: number;
  /** Generated tokens, reasoning included. */
  outputTokens: number;
  /** Part of `inputTokens` read from the cache. */
  cacheReadTokens: number;
  /** Part of `inputTokens` written to the cache. */
  cacheWriteTokens: number;
  /** Part of `outputTokens` spent reasoning. */
  reasoningTokens: number;
  /** Present once any report carried a cost. */
  totalCost?: number;
}

export function emptyUsage(): TurnUsage {
  return { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };
}

/** Adds `report` (a stream's usage chunk or another sum) to `into`, in place. */
export function addUsage(into: TurnUsage, report: Omit<ApiStreamUsageChunk, "type"> | TurnUsage): void {
  into.inputTokens += report.inputTokens || 0;
  into.outputTokens += report.outputTokens || 0;
  into.cacheReadTokens += report.cacheReadTokens || 0;
  into.cacheWriteTokens += report.cacheWriteTokens || 0;
  into.reasoningTokens += report.reasoningTokens || 0;
  if (typeof report.totalCost === "number") into.totalCost = (into.totalCost ?? 0) + report.totalCost;
}
