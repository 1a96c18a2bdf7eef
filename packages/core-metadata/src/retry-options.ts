/**
 * How a handler re-sends a request that failed before any of its response arrived (the connection
 * was refused or reset before the headers, or the server answered 408, 409, 429, 500, 502, 503,
 * 504 or 529). A request whose stream has started is never re-sent. Every field is optional; the
 * handler's own options fill the gaps, then the defaults of the handler package.
 */
export interface RetryOptions {
  /** Re-sends after the first attempt; `0` turns retries off. */
  maxRetries?: number;
  /** Ceiling of the first wait, in milliseconds; it doubles with each retry (the wait is random below it). */
  initialDelayMs?: number;
  /**
   * Longest single wait, in milliseconds. A server's `retry-after` / `retry-after-ms` above it is
   * not waited for: the error is final at once, with the server's hint on it.
   */
  maxDelayMs?: number;
  /** Longest total wait over all retries of one request, in milliseconds; a retry that would pass it is not made. */
  maxTotalWaitMs?: number;
}
