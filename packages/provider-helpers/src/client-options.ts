import type { RetryOptions } from "@parallel-tool-calls/core-metadata";
import { resolveStreamBounds, type StreamBounds } from "./stream-bounds.js";

/** Transport options shared by every handler (second constructor argument). */
export interface HandlerClientOptions {
  /**
   * Re-sending a request that failed before any of its response arrived (defaults in
   * `DEFAULT_RETRY_OPTIONS`: 2 retries, at most 60 s of waiting); a stream that has started is
   * never re-sent. `{ maxRetries: 0 }` turns it off. A request's own `retry` option overrides it.
   */
  retry?: RetryOptions;
  /** Wait for the response headers, in milliseconds (SDK default: 10 minutes). */
  timeoutMs?: number;
  /**
   * Longest silence once the stream has started, in milliseconds: no complete line (data or
   * keep-alive) for this long fails the stream with `ProviderIdleTimeoutError`. Default 120000.
   */
  idleTimeoutMs?: number;
  /** Largest single SSE event, in characters; a larger one fails with code `event_too_large`. Default 16 Mi. */
  maxEventChars?: number;
}

export function sdkTransportOptions(options: HandlerClientOptions | undefined): {
  maxRetries: 0;
  timeout?: number;
  logLevel: "off";
} {
  return {
    // The handler retries itself (`sendWithRetries`): it knows when a stream has started, and says so.
    maxRetries: 0,
    ...(options?.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
    // The SDK's own logging prints response content to stderr, past any redaction: errors say it all.
    logLevel: "off",
  };
}

/** The stream bounds of a handler's options, defaults filled in. */
export function streamBoundsOf(options: HandlerClientOptions | undefined): StreamBounds {
  return resolveStreamBounds({
    ...(options?.idleTimeoutMs === undefined ? {} : { idleTimeoutMs: options.idleTimeoutMs }),
    ...(options?.maxEventChars === undefined ? {} : { maxEventChars: options.maxEventChars }),
  });
}

/** The SDK refuses an empty key; servers that need none ignore this placeholder. */
export const NO_API_KEY = "not-provided";
