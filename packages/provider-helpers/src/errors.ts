import {
  type ApiStreamUsageChunk,
  ParallelToolCallsError,
  type ParallelToolCallsErrorOptions,
} from "@parallel-tool-calls/core-metadata";

/** Codes of {@link ProviderHttpError}: the HTTP status, named. */
export type ProviderHttpErrorCode =
  | "bad_request"
  | "unauthorized"
  | "payment_required"
  | "forbidden"
  | "not_found"
  | "rate_limited"
  | "server_error"
  | "http_error";

/** Codes of {@link ProviderConnectionError}: no response, a timeout, or a connection lost or stalled mid-stream. */
export type ProviderConnectionErrorCode = "connection_error" | "connection_lost" | "timeout" | "idle_timeout";

/**
 * Why a 2xx response is not a usable chat completion stream ({@link ProviderResponseError}):
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

/** Codes of {@link ProviderConfigError}: settings or arguments that cannot work. */
export type ProviderConfigErrorCode = "invalid_settings" | "invalid_history" | "unknown_provider";

/** Every code a {@link ProviderError} can have. */
export type ProviderErrorCode =
  | ProviderHttpErrorCode
  | "stream_error"
  | "max_tokens"
  | "content_filter"
  | "aborted"
  | ProviderConnectionErrorCode
  | ProviderResponseErrorCode
  | ProviderConfigErrorCode;

/** Options of every provider error: the base's `code`, `message`, `cause`, plus who failed. */
export interface ProviderErrorOptions<Code extends ProviderErrorCode = ProviderErrorCode>
  extends ParallelToolCallsErrorOptions<Code> {
  /** Display name of the provider, e.g. "OpenRouter". */
  provider: string;
  /** HTTP status (or the status-like code of an in-stream error), when there is one. */
  status?: number;
}

/**
 * The base of the typed errors thrown from `createMessage` streams. Every message has already been
 * scrubbed of the handler's secrets, and no SDK object (which may hold request details) is kept as
 * `cause`. Check with `ProviderError.isInstance(value)` (or a subclass's), which also works when
 * the package is loaded twice (ESM and CJS).
 */
export class ProviderError<Code extends ProviderErrorCode = ProviderErrorCode> extends ParallelToolCallsError<Code> {
  /** Display name of the provider, e.g. "OpenRouter". */
  readonly provider: string;
  /** HTTP status (or the status-like code of an in-stream error), when there is one. */
  readonly status?: number;
  /**
   * The usage (and cost) the stream reported before it failed, when it reported any: the same
   * chunk the stream yielded just before throwing, so spent tokens are never lost with the error.
   */
  usage?: ApiStreamUsageChunk;
  /**
   * How many times the request was sent, when it failed before its stream started (retries
   * included; see `RetryOptions`). The message ends with "(N attempts)" when there was more than one.
   */
  attempts?: number;

  constructor(options: ProviderErrorOptions<Code>) {
    super(options);
    this.provider = options.provider;
    if (options.status !== undefined) this.status = options.status;
  }

  /** `name`, `code`, `message`, `provider`, `status`, and `usage` and `attempts` when set. */
  override toJSON(): Record<string, unknown> {
    const { provider, status, usage, attempts } = this;
    return {
      ...super.toJSON(),
      provider,
      status,
      ...(usage ? { usage } : {}),
      ...(attempts === undefined ? {} : { attempts }),
    };
  }
}

/** Options of {@link ProviderHttpError}. */
export interface ProviderHttpErrorOptions extends ProviderErrorOptions<ProviderHttpErrorCode> {
  /** The HTTP status of the answer. */
  status: number;
  /** The `code` of the error body, e.g. OpenAI's "invalid_api_key" or OpenRouter's status number. */
  upstreamCode?: string | number;
  /** The upstream provider named by a gateway (OpenRouter's `metadata.provider_name`). */
  upstreamProvider?: string;
  /** The server's `retry-after` hint, in milliseconds. */
  retryAfterMs?: number;
}

/** The server answered the request with a non-2xx status. */
export class ProviderHttpError extends ProviderError<ProviderHttpErrorCode> {
  /** The HTTP status of the answer. */
  declare readonly status: number;
  /** The `code` of the error body, e.g. OpenAI's "invalid_api_key" or OpenRouter's status number. */
  readonly upstreamCode?: string | number;
  /** The upstream provider named by a gateway (OpenRouter's `metadata.provider_name`). */
  readonly upstreamProvider?: string;
  /**
   * The server's hint (`retry-after-ms`, `retry-after`, or an upstream RetryInfo), in milliseconds,
   * when it gave one: on a 429, but also on a 503 or Anthropic's 529 (overloaded).
   */
  readonly retryAfterMs?: number;

  constructor(options: ProviderHttpErrorOptions) {
    super(options);
    if (options.upstreamCode !== undefined) this.upstreamCode = options.upstreamCode;
    if (options.upstreamProvider !== undefined) this.upstreamProvider = options.upstreamProvider;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }

  /** The base fields plus `upstreamCode`, `upstreamProvider` and `retryAfterMs`. */
  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      upstreamCode: this.upstreamCode,
      upstreamProvider: this.upstreamProvider,
      retryAfterMs: this.retryAfterMs,
    };
  }
}

/** Options of {@link ProviderRateLimitError}; the code is `rate_limited`. */
export interface ProviderRateLimitErrorOptions extends Omit<ProviderHttpErrorOptions, "code"> {}

/** HTTP 429. `retryAfterMs` is the server's hint (headers or the upstream RetryInfo), when given. */
export class ProviderRateLimitError extends ProviderHttpError {
  constructor(options: ProviderRateLimitErrorOptions) {
    super({ ...options, code: "rate_limited" });
  }
}

/** Options of {@link ProviderStreamError}; the code is `stream_error`. */
export interface ProviderStreamErrorOptions extends Omit<ProviderErrorOptions, "code"> {
  /** The in-stream error's own `code` ("unknown" when it had none). */
  upstreamCode: string | number;
}

/** An error sent inside a 200 stream (OpenRouter: top-level `error` plus `finish_reason: "error"`). */
export class ProviderStreamError extends ProviderError<"stream_error"> {
  /** The in-stream error's own `code` ("unknown" when it had none). */
  readonly upstreamCode: string | number;

  constructor(options: ProviderStreamErrorOptions) {
    super({ ...options, code: "stream_error" });
    this.upstreamCode = options.upstreamCode;
  }

  /** The base fields plus `upstreamCode`. */
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), upstreamCode: this.upstreamCode };
  }
}

/** Options of {@link ProviderFinishReasonError}; the code follows from `finishReason`. */
export interface ProviderFinishReasonErrorOptions extends Omit<ProviderErrorOptions, "code"> {
  /** `length` gives the code `max_tokens`, `content_filter` the code `content_filter`. */
  finishReason: "length" | "content_filter";
}

/**
 * The model stopped for `length` (code `max_tokens`) or `content_filter`: the output (and any
 * tool call) is incomplete.
 */
export class ProviderFinishReasonError extends ProviderError<"max_tokens" | "content_filter"> {
  /** The `finish_reason` the stream ended with. */
  readonly finishReason: "length" | "content_filter";

  constructor(options: ProviderFinishReasonErrorOptions) {
    super({ ...options, code: options.finishReason === "length" ? "max_tokens" : "content_filter" });
    this.finishReason = options.finishReason;
  }

  /** The base fields plus `finishReason`. */
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), finishReason: this.finishReason };
  }
}

/** The caller's `AbortSignal` fired; the HTTP connection has been closed. Code `aborted`. */
export class ProviderAbortError extends ProviderError<"aborted"> {
  constructor(options: Omit<ProviderErrorOptions, "code">) {
    super({ ...options, code: "aborted" });
  }
}

/** No response (`connection_error`, `timeout`) or the connection broke mid-stream (`connection_lost`). */
export class ProviderConnectionError extends ProviderError<ProviderConnectionErrorCode> {}

/** Options of {@link ProviderIdleTimeoutError}; the code is `idle_timeout`. */
export interface ProviderIdleTimeoutErrorOptions extends Omit<ProviderErrorOptions, "code"> {
  /** The bound that was hit, in milliseconds. */
  idleTimeoutMs: number;
}

/** The stream went silent (or dripped without completing a line) for longer than `idleTimeoutMs`. */
export class ProviderIdleTimeoutError extends ProviderConnectionError {
  /** The bound that was hit, in milliseconds. */
  readonly idleTimeoutMs: number;

  constructor(options: ProviderIdleTimeoutErrorOptions) {
    super({ ...options, code: "idle_timeout" });
    this.idleTimeoutMs = options.idleTimeoutMs;
  }

  /** The base fields plus `idleTimeoutMs`. */
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), idleTimeoutMs: this.idleTimeoutMs };
  }
}

/** The server sent something that is not a valid chat completion stream (see {@link ProviderResponseErrorCode}). */
export class ProviderResponseError extends ProviderError<ProviderResponseErrorCode> {}

/** Settings or arguments that cannot work (missing base URL, unknown provider, malformed history). */
export class ProviderConfigError extends ProviderError<ProviderConfigErrorCode> {}
