import type { ApiStreamUsageChunk } from "@parallel-tool-calls/core-metadata";
import type { ProviderError } from "./errors.js";
import { type ErrorContext, toProviderError } from "./map-provider-error.js";
import { type CostOf, toUsageChunk } from "./usage.js";
import type { WireChunk, WireUsage } from "./wire-types.js";

/** The usage a stream has reported so far; handed out once, whether the stream ends or fails. */
export class StreamUsage {
  private wire: WireUsage | undefined;
  private inferenceProvider: string | undefined;
  private reported = false;

  constructor(private readonly costOf?: CostOf) {}

  /** Notes a chunk's `usage` (the last one wins: some providers repeat cumulative usage) and `provider`. */
  see(chunk: WireChunk): void {
    if (typeof chunk.provider === "string") this.inferenceProvider = chunk.provider;
    if (chunk.usage) this.wire = chunk.usage;
  }

  /** The usage chunk to yield now, or `undefined` when none was reported or it was already handed out. */
  take(): ApiStreamUsageChunk | undefined {
    if (this.reported || this.wire === undefined) return undefined;
    this.reported = true;
    return toUsageChunk(this.wire, this.costOf, this.inferenceProvider);
  }
}

/**
 * For a stream that failed: yields the usage it reported and not yet handed out (so a consumer
 * summing usage chunks counts the spent tokens and cost) and returns the typed error, carrying
 * that usage too. Use as `throw yield* usageThenError(error, usage, ctx)`.
 */
export function* usageThenError(
  error: unknown,
  usage: StreamUsage,
  ctx: ErrorContext,
): Generator<ApiStreamUsageChunk, ProviderError> {
  const failure = toProviderError(error, ctx);
  const chunk = usage.take();
  if (chunk !== undefined) {
    failure.usage ??= chunk;
    yield chunk;
  }
  return failure;
}
