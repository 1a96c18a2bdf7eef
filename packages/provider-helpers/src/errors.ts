import type { ApiStreamUsageChunk } from "@parallel-tool-calls/core-metadata";

/**
 * Typed errors thrown from `createMessage` streams. Every message has already been scrubbed of the
 * handler's secrets, and no SDK object (which may hold request details) is kept as `cause`.
 */
export type ProviderErrorCode =
  | "bad_request"
  | "unauthorized"
  | "payment_required"
  | "forbidden"
  | "not_found"
  | "rate_limited"
  | "server_error"
  | "http_error"
  | "stream_error"
  | "max_tokens"
  | "content_filter"
  | "aborted"
  | "connection_error"
  | "connection_lost"
  | "timeout"
  | "idle_timeout"
  | "invalid_response"
  | "unexpected_content_type"
  | "non_stream_body"
  | "incomplete_stream"
  | "event_too_large"
  | "invalid_settings"
  | "invalid_history"
  | "unknown_provider";

export interface ProviderErrorInit {
  /** Display name of the provider, e.g. "OpenRouter". */
  provider: string;
  status?: number;
  /** A scrubbed description of the underlying failure. */
  cause?: Error;
}

export class ProviderError extends Error {
  readonly code: ProviderErrorCode;
  readonly provider: string;
  /** HTTP status (or the status-like code of an in-stream error), when there is one. */
  readonly status?: number;
  /**
   * The usage (and cost) the stream reported before it failed, when it reported any: the same
   * chunk the stream yielded just before throwing, so spent tokens are never lost with the error.
   */
  usage?: ApiStreamUsageChunk;

  constructor(code: ProviderErrorCode, message: string, init: ProviderErrorInit) {
    super(message, init.cause ? { cause: init.cause } : undefined);
    this.name = new.target.name;
    this.code = code;
    this.provider = init.provider;
    if (init.status !== undefined) this.status = init.status;
  }

  toJSON(): Record<string, unknown> {
    const { name, code, provider, status, message, usage } = this;
    return { name, code, provider, status, message, ...(usage ? { usage } : {}) };
  }
}

export interface ProviderHttpErrorInit extends ProviderErrorInit {
  status: number;
  /** The `code` of the error body, e.g. OpenAI's "invalid_api_key" or OpenRouter's status number. */
  upstreamCode?: string | number;
  /** The upstream provider named by a gateway (OpenRouter's `metadata.provider_name`). */
  upstreamProvider?: string;
}

/** The server answered the request with a non-2xx status. */
export class ProviderHttpError extends ProviderError {
  declare readonly status: number;
  readonly upstreamCode?: string | number;
  readonly upstreamProvider?: string;

  constructor(code: ProviderErrorCode, message: string, init: ProviderHttpErrorInit) {
    super(code, message, init);
    if (init.upstreamCode !== undefined) this.upstreamCode = init.upstreamCode;
    if (init.upstreamProvider !== undefined) this.upstreamProvider = init.upstreamProvider;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), upstreamCode: this.upstreamCode, upstreamProvider: this.upstreamProvider };
  }
}

/** HTTP 429. `retryAfterMs` is the server's hint (headers or the upstream RetryInfo), when given. */
export class ProviderRateLimitError extends ProviderHttpError {
  readonly retryAfterMs?: number;

  constructor(message: string, init: ProviderHttpErrorInit & { retryAfterMs?: number }) {
    super("rate_limited", message, init);
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfterMs: this.retryAfterMs };
  }
}

/** An error sent inside a 200 stream (OpenRouter: top-level `error` plus `finish_reason: "error"`). */
export class ProviderStreamError extends ProviderError {
  readonly upstreamCode: string | number;

  constructor(message: string, init: ProviderErrorInit & { upstreamCode: string | number }) {
    super("stream_error", message, init);
    this.upstreamCode = init.upstreamCode;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), upstreamCode: this.upstreamCode };
  }
}

/** The model stopped for `length` or `content_filter`: the output (and any tool call) is incomplete. */
export class ProviderFinishReasonError extends ProviderError {
  readonly finishReason: "length" | "content_filter";

  constructor(finishReason: "length" | "content_filter", message: string, init: ProviderErrorInit) {
    super(finishReason === "length" ? "max_tokens" : "content_filter", message, init);
    this.finishReason = finishReason;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), finishReason: this.finishReason };
  }
}

/** The caller's `AbortSignal` fired; the HTTP connection has been closed. */
export class ProviderAbortError extends ProviderError {
  constructor(message: string, init: ProviderErrorInit) {
    super("aborted", message, init);
  }
}

/** No response (`connection_error`, `timeout`) or the connection broke mid-stream (`connection_lost`). */
export class ProviderConnectionError extends ProviderError {}

/** The stream went silent (or dripped without completing a line) for longer than `idleTimeoutMs`. */
export class ProviderIdleTimeoutError extends ProviderConnectionError {
  readonly idleTimeoutMs: number;

  constructor(message: string, init: ProviderErrorInit & { idleTimeoutMs: number }) {
    super("idle_timeout", message, init);
    this.idleTimeoutMs = init.idleTimeoutMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), idleTimeoutMs: this.idleTimeoutMs };
  }
}

/**
 * Why a 2xx response is not a usable chat completion stream:
 * - `invalid_response`: a malformed event (not JSON) or another unreadable body
 * - `unexpected_content_type`: not `text/event-stream`, e.g. the HTML page of a captive portal
 * - `non_stream_body`: a plain JSON completion, the server ignored `stream: true`
 * - `incomplete_stream`: the body ended before any `finish_reason` and without `data: [DONE]`
 * - `event_too_large`: one event exceeded `maxEventChars`
 */
export type ProviderResponseErrorCode =
  | "invalid_response"
  | "unexpected_content_type"
  | "non_stream_body"
  | "incomplete_stream"
  | "event_too_large";

/** The server sent something that is not a valid chat completion stream. */
export class ProviderResponseError extends ProviderError {
  declare readonly code: ProviderResponseErrorCode;

  constructor(message: string, init: ProviderErrorInit & { code?: ProviderResponseErrorCode }) {
    super(init.code ?? "invalid_response", message, init);
  }
}

/** Settings or arguments that cannot work (missing base URL, unknown provider, malformed history). */
export class ProviderConfigError extends ProviderError {}
