import { isRecord } from "@parallel-tool-calls/core-metadata/internal";

/** What a gateway error body says about the upstream failure (OpenRouter wraps it in `metadata.raw`). */
export interface UpstreamErrorDetails {
  /** The most specific human-readable message found. */
  message?: string;
  /** `metadata.provider_name`, e.g. "Google AI Studio". */
  providerName?: string;
  /** Retry delay from an upstream RetryInfo (`retryDelay: "1.5s"`), in milliseconds. */
  retryAfterMs?: number;
  /** The error's `type` where the body nests one (Anthropic: `{error: {type, message}}`). */
  type?: string;
}

function parseMaybeJson(raw: unknown): unknown {
  if (typeof raw !== "string") return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function messageOf(raw: unknown): string | undefined {
  if (typeof raw === "string") return raw.trim() || undefined;
  if (!isRecord(raw)) return undefined;
  const error = raw.error;
  if (isRecord(error) && typeof error.message === "string") return error.message;
  for (const candidate of [error, raw.detail, raw.message]) {
    if (typeof candidate === "string" && candidate.trim()) return candidate;
  }
  return undefined;
}

function durationMs(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
  return match ? Math.round(Number(match[1]) * 1000) : undefined;
}

function retryDelayOf(raw: unknown): number | undefined {
  if (!isRecord(raw) || !isRecord(raw.error) || !Array.isArray(raw.error.details)) return undefined;
  for (const detail of raw.error.details) {
    const ms = isRecord(detail) ? durationMs(detail.retryDelay) : undefined;
    if (ms !== undefined) return ms;
  }
  return undefined;
}

/** Reads `{ message, metadata: { raw, provider_name } }`, preferring the upstream's own message. */
export function readUpstreamErrorDetails(error: unknown): UpstreamErrorDetails {
  if (!isRecord(error)) return {};
  const details: UpstreamErrorDetails = {};
  const metadata = isRecord(error.metadata) ? error.metadata : undefined;
  const raw = parseMaybeJson(metadata?.raw);
  // Anthropic's body is `{type: "error", error: {type, message}}`.
  const nested = isRecord(error.error) ? error.error : undefined;
  const message =
    messageOf(raw) ??
    (typeof error.message === "string" ? error.message : undefined) ??
    (typeof nested?.message === "string" ? nested.message : undefined);
  if (message !== undefined) details.message = message;
  if (typeof nested?.type === "string" && nested.type !== "") details.type = nested.type;
  if (typeof metadata?.provider_name === "string") details.providerName = metadata.provider_name;
  const retryAfterMs = retryDelayOf(raw);
  if (retryAfterMs !== undefined) details.retryAfterMs = retryAfterMs;
  return details;
}

/** `retry-after-ms`, then `retry-after` (seconds or an HTTP date). */
export function retryAfterFromHeaders(headers: Headers | undefined, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers?.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get("retry-after");
  if (!value) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
