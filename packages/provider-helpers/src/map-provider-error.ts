import { redact } from "@parallel-tool-calls/core-metadata";
import * as openai from "openai";
import {
  ProviderAbortError,
  ProviderConnectionError,
  ProviderError,
  ProviderHttpError,
  type ProviderHttpErrorCode,
  ProviderRateLimitError,
  ProviderResponseError,
  ProviderStreamError,
} from "./errors.js";
import { oneLine } from "./one-line.js";
import { readUpstreamErrorDetails, retryAfterFromHeaders } from "./upstream-error-details.js";

/**
 * The error classes of the SDK a handler sends through. The official SDKs (`openai`,
 * `@anthropic-ai/sdk`) are generated alike: same class names, same fields (`status`, `headers`,
 * `error` body), but each its own classes, so a protocol names its SDK's.
 */
export interface SdkErrorClasses {
  APIError: abstract new (...args: never[]) => SdkApiError;
  APIConnectionError: abstract new (...args: never[]) => Error;
  APIConnectionTimeoutError: abstract new (...args: never[]) => Error;
  APIUserAbortError: abstract new (...args: never[]) => Error;
}

/** What an SDK's `APIError` carries. */
export interface SdkApiError extends Error {
  readonly status: number | undefined;
  readonly headers: Headers | undefined;
  readonly error: unknown;
}

const OPENAI_ERRORS: SdkErrorClasses = openai;

export interface ErrorContext {
  /** Display name used in messages, e.g. "OpenRouter". */
  provider: string;
  /** Label of in-stream errors: `<label> API Error <code>: <message>`. Defaults to `provider`. */
  streamErrorLabel?: string;
  /** Values that must never appear in an error (API keys, tokens). */
  secrets: readonly (string | undefined)[];
  signal?: AbortSignal;
  /** The SDK's error classes; default the `openai` SDK's. */
  sdk?: SdkErrorClasses;
}

const HTTP_CODES: Record<number, ProviderHttpErrorCode> = {
  400: "bad_request",
  401: "unauthorized",
  402: "payment_required",
  403: "forbidden",
  404: "not_found",
};

function httpCode(status: number): ProviderHttpErrorCode {
  return HTTP_CODES[status] ?? (status >= 500 ? "server_error" : "http_error");
}

/** A copy of the original error carrying only its scrubbed name and message (no SDK internals). */
function scrubbedCause(error: unknown, secrets: ErrorContext["secrets"]): Error {
  const original = error instanceof Error ? error : new Error(String(error));
  const cause = new Error(redact(original.message, secrets));
  cause.name = original.name;
  cause.stack = `${cause.name}: ${cause.message}`;
  return cause;
}

/** The body's `code`, as a number or a redacted string: servers echo whatever they were sent. */
function safeUpstreamCode(code: unknown, ctx: ErrorContext): string | number | undefined {
  if (typeof code === "number") return code;
  return typeof code === "string" ? redact(code, ctx.secrets) : undefined;
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))}s`;
}

function statusMessageOf(error: SdkApiError): string | undefined {
  // The SDK prefixes the status; without a JSON body its message is the response text.
  const text = error.message.replace(/^\d{3}\s*/, "").trim();
  return text && !/status code \(no body\)/.test(text) ? text : undefined;
}

function fromHttpError(error: SdkApiError & { status: number }, ctx: ErrorContext): ProviderHttpError {
  const details = readUpstreamErrorDetails(error.error);
  // Some servers send `{ "error": "text" }` instead of an error object.
  const plain = typeof error.error === "string" && error.error.trim() ? error.error : undefined;
  // Redacted before it is cut: a cut could leave the start of a secret behind.
  const readable = oneLine(
    redact(details.message ?? plain ?? statusMessageOf(error) ?? "no error message", ctx.secrets),
  );
  const via = details.providerName ? ` (${details.providerName})` : "";
  const body = error.error as { code?: unknown } | undefined;
  const upstreamCode = safeUpstreamCode(body?.code ?? details.type, ctx);
  // A hint on any status: 429, but also 503 and Anthropic's 529 "overloaded".
  const retryAfterMs = retryAfterFromHeaders(error.headers) ?? details.retryAfterMs;
  const fields = {
    provider: ctx.provider,
    status: error.status,
    cause: scrubbedCause(error, ctx.secrets),
    ...(upstreamCode === undefined ? {} : { upstreamCode }),
    ...(details.providerName === undefined ? {} : { upstreamProvider: redact(details.providerName, ctx.secrets) }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
  if (error.status === 429) {
    const hint = retryAfterMs === undefined ? "try again later" : `try again in ${formatSeconds(retryAfterMs)}`;
    const message = `${ctx.provider} rate limit exceeded${via}, ${hint}: ${readable}`;
    return new ProviderRateLimitError({ ...fields, message: redact(message, ctx.secrets) });
  }
  const message = `${ctx.provider} error ${error.status}${via}: ${readable}`;
  return new ProviderHttpError({ ...fields, code: httpCode(error.status), message: redact(message, ctx.secrets) });
}

/** `{ code, message, metadata }` carried by an in-stream error chunk. */
export function streamErrorFromBody(body: unknown, ctx: ErrorContext, cause?: Error): ProviderStreamError {
  const details = readUpstreamErrorDetails(body);
  const upstreamCode = safeUpstreamCode((body as { code?: unknown } | undefined)?.code, ctx) ?? "unknown";
  const label = ctx.streamErrorLabel ?? ctx.provider;
  const message = `${label} API Error ${upstreamCode}: ${oneLine(redact(details.message ?? "unknown error", ctx.secrets))}`;
  const status =
    typeof upstreamCode === "number" && upstreamCode >= 400 && upstreamCode < 600 ? upstreamCode : undefined;
  return new ProviderStreamError({
    message: redact(message, ctx.secrets),
    provider: ctx.provider,
    upstreamCode,
    ...(status === undefined ? {} : { status }),
    ...(cause ? { cause } : {}),
  });
}

function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // undici reports a dropped connection as `TypeError: terminated` (cause: SocketError / ECONNRESET).
  const cause = error.cause as { code?: unknown } | undefined;
  return (
    (error.name === "TypeError" && /terminated|fetch failed/i.test(error.message)) ||
    (typeof cause?.code === "string" && /^(ECONNRESET|EPIPE|UND_ERR_SOCKET|ECONNREFUSED)$/.test(cause.code))
  );
}

/**
 * Turns anything thrown while creating or reading a chat completion stream into a typed
 * {@link ProviderError} whose message, cause and JSON form contain none of `ctx.secrets`.
 */
export function toProviderError(error: unknown, ctx: ErrorContext): ProviderError {
  if (ProviderError.isInstance(error)) return error;
  const { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } = ctx.sdk ?? OPENAI_ERRORS;
  const init = { provider: ctx.provider, cause: scrubbedCause(error, ctx.secrets) };
  if (ctx.signal?.aborted || error instanceof APIUserAbortError) {
    return new ProviderAbortError({ ...init, message: `${ctx.provider} request aborted` });
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new ProviderConnectionError({ ...init, code: "timeout", message: `${ctx.provider} request timed out` });
  }
  if (error instanceof APIConnectionError) {
    const reason = oneLine(redact(error.message, ctx.secrets));
    const message = `${ctx.provider} connection failed: ${reason}`;
    return new ProviderConnectionError({ ...init, code: "connection_error", message });
  }
  if (error instanceof APIError) {
    if (typeof error.status === "number") return fromHttpError(error as SdkApiError & { status: number }, ctx);
    // The SDK throws an in-stream `error` chunk as an APIError without status.
    if (error.error !== undefined) return streamErrorFromBody(error.error, ctx, init.cause);
  }
  if (isNetworkFailure(error)) {
    const message = `${ctx.provider} connection lost mid-stream`;
    return new ProviderConnectionError({ ...init, code: "connection_lost", message });
  }
  if (error instanceof SyntaxError) {
    return new ProviderResponseError({
      ...init,
      code: "invalid_response",
      message: `${ctx.provider} sent a malformed stream event`,
    });
  }
  const reason = oneLine(redact(error instanceof Error ? error.message : String(error), ctx.secrets));
  return new ProviderResponseError({
    ...init,
    code: "invalid_response",
    message: `${ctx.provider} request failed: ${reason}`,
  });
}
