import type { ApiStreamUsageChunk } from "@parallel-tool-calls/core-metadata";
import type { ProviderError } from "./errors.js";
import { type ErrorContext, toProviderError } from "./map-provider-error.js";

/**
 * For a stream that failed after reporting usage: yields that usage chunk (so a consumer summing
 * usage chunks counts the spent tokens and cost) and returns the typed error carrying it too.
 * Use as `throw yield* usageThenError(error, usage, ctx)`.
 */
export function* usageThenError(
  error: unknown,
  usage: ApiStreamUsageChunk | undefined,
  ctx: ErrorContext,
): Generator<ApiStreamUsageChunk, ProviderError> {
  const failure = toProviderError(error, ctx);
  if (usage !== undefined) {
    failure.usage ??= usage;
    yield usage;
  }
  return failure;
}
