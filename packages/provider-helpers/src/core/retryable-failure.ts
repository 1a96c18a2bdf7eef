import { ProviderConnectionError, type ProviderError, ProviderRateLimitError } from "../errors.js";
import { retryAfterFromHeaders } from "../upstream-error-details.js";

/** Statuses that say "not now" rather than "not this": timeout, conflict, rate limit, overload, gateway trouble. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 409, 429, 500, 502, 503, 504, 529]);

/** Whether a failed attempt may be re-sent, and the server's wait hint when it gave one. */
export interface RetryVerdict {
  retryable: boolean;
  /** `retry-after-ms` / `retry-after` (or a 429 body's RetryInfo), in milliseconds. */
  hintMs?: number;
}

function headersOf(raw: unknown): Headers | undefined {
  const headers = (raw as { headers?: unknown } | null)?.headers;
  return typeof (headers as Headers | undefined)?.get === "function" ? (headers as Headers) : undefined;
}

/**
 * Reads a failure of the send step (before any byte of a stream) the same way for every protocol:
 * `error` is the handler's typed error, `raw` what its SDK threw (the official SDKs put the
 * response headers on `raw.headers`). A connection that failed before any response and the
 * statuses of {@link RETRYABLE_STATUSES} are retryable, unless the server said `x-should-retry: false`.
 */
export function retryVerdict(error: ProviderError, raw: unknown): RetryVerdict {
  if (ProviderConnectionError.isInstance(error)) return { retryable: error.code === "connection_error" };
  const status = error.status;
  if (status === undefined || !RETRYABLE_STATUSES.has(status)) return { retryable: false };
  const headers = headersOf(raw);
  if (headers?.get("x-should-retry")?.trim().toLowerCase() === "false") return { retryable: false };
  const hintMs =
    retryAfterFromHeaders(headers) ?? (ProviderRateLimitError.isInstance(error) ? error.retryAfterMs : undefined);
  return { retryable: true, ...(hintMs === undefined ? {} : { hintMs }) };
}
