/** How long a stream may stay silent and how large one event may be (documented defaults). */
export interface StreamBounds {
  /**
   * Longest wait, in milliseconds, for the next complete line of the event stream once the
   * response headers have arrived (data, keep-alive comment or blank line). A server that stalls,
   * or drips bytes without ever completing a line, is cut off with a `ProviderIdleTimeoutError`.
   */
  idleTimeoutMs: number;
  /** Largest single SSE event, in characters of its decoded text; above it: `event_too_large`. */
  maxEventChars: number;
}

/** Two minutes: far above the keep-alive interval of gateways (OpenRouter comments every few seconds). */
export const DEFAULT_IDLE_TIMEOUT_MS = 120_000;

/** 16 Mi characters: several times the largest tool call or text chunk a provider sends in one event. */
export const DEFAULT_MAX_EVENT_CHARS = 16 * 1024 * 1024;

export function resolveStreamBounds(bounds: Partial<StreamBounds> | undefined): StreamBounds {
  return {
    idleTimeoutMs: positiveOr(bounds?.idleTimeoutMs, DEFAULT_IDLE_TIMEOUT_MS),
    maxEventChars: positiveOr(bounds?.maxEventChars, DEFAULT_MAX_EVENT_CHARS),
  };
}

function positiveOr(value: number | undefined, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : fallback;
}
