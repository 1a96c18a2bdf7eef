import { resolveStreamBounds, type StreamBounds } from "./stream-bounds.js";

/** Transport options shared by every handler (second constructor argument). */
export interface HandlerClientOptions {
  /** SDK retries; 0 by default so that failures surface and requests are never silently re-sent. */
  maxRetries?: number;
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
  maxRetries: number;
  timeout?: number;
  logLevel: "off";
} {
  return {
    maxRetries: options?.maxRetries ?? 0,
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
