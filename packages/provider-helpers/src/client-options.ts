/** Transport options shared by every handler (second constructor argument). */
export interface HandlerClientOptions {
  /** SDK retries; 0 by default so that failures surface and requests are never silently re-sent. */
  maxRetries?: number;
  /** Request timeout in milliseconds (SDK default: 10 minutes). */
  timeoutMs?: number;
}

export function sdkTransportOptions(options: HandlerClientOptions | undefined): {
  maxRetries: number;
  timeout?: number;
} {
  return {
    maxRetries: options?.maxRetries ?? 0,
    ...(options?.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
  };
}

/** The SDK refuses an empty key; servers that need none ignore this placeholder. */
export const NO_API_KEY = "not-provided";
