import type { RetryOptions } from "@parallel-tool-calls/core-metadata";

/** Retry options with every field set. */
export type ResolvedRetryOptions = Readonly<Required<RetryOptions>>;

/**
 * The defaults: 2 retries (3 attempts), waits drawn at random below 1 s then 2 s, never one
 * longer than 30 s, never more than 60 s of waiting for one request.
 */
export const DEFAULT_RETRY_OPTIONS: ResolvedRetryOptions = Object.freeze({
  maxRetries: 2,
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxTotalWaitMs: 60_000,
});

function countOr(value: unknown, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0
    ? Math.min(Math.floor(value), max)
    : fallback;
}

// More than this many retries of one request only hides an outage; it also keeps `2 ** n` finite.
const MAX_RETRIES_CEILING = 20;

/**
 * The options of one request: each layer (the handler's options, then the request's) overrides
 * the one before it field by field; values that are not non-negative numbers are ignored.
 */
export function resolveRetryOptions(...layers: (RetryOptions | undefined)[]): ResolvedRetryOptions {
  let resolved: Required<RetryOptions> = { ...DEFAULT_RETRY_OPTIONS };
  for (const layer of layers) {
    if (typeof layer !== "object" || layer === null) continue;
    resolved = {
      maxRetries: countOr(layer.maxRetries, resolved.maxRetries, MAX_RETRIES_CEILING),
      initialDelayMs: countOr(layer.initialDelayMs, resolved.initialDelayMs),
      maxDelayMs: countOr(layer.maxDelayMs, resolved.maxDelayMs),
      maxTotalWaitMs: countOr(layer.maxTotalWaitMs, resolved.maxTotalWaitMs),
    };
  }
  return Object.freeze(resolved);
}

/**
 * The wait before retry number `retry` (1 for the first): the server's hint when it gave one,
 * else exponential backoff with full jitter, a random wait below `initialDelayMs * 2^(retry-1)`
 * (capped at `maxDelayMs`), so that many clients failing together do not come back together.
 * `undefined` when the hint is longer than `maxDelayMs`: not worth waiting for.
 */
export function retryDelayMs(
  retry: number,
  options: ResolvedRetryOptions,
  hintMs: number | undefined,
  random: () => number = Math.random,
): number | undefined {
  if (hintMs !== undefined) return hintMs <= options.maxDelayMs ? Math.ceil(hintMs) : undefined;
  const ceiling = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}
