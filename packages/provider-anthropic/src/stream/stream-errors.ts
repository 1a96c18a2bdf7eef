import { redact } from "@parallel-tool-calls/core-metadata";
import { isRecord } from "@parallel-tool-calls/core-metadata/internal";
import {
  type ProviderError,
  ProviderFinishReasonError,
  ProviderResponseError,
  ProviderStreamError,
} from "@parallel-tool-calls/provider-helpers";

/** Who failed and what must not appear in the message. */
export interface StreamErrorContext {
  provider: string;
  secrets: readonly (string | undefined)[];
  /** Anything thrown while reading (the SDK's, the reader's, these) as a typed, redacted error. */
  toProviderError(error: unknown): ProviderError;
}

// The HTTP status each error type of the API stands for (as its HTTP answers use them).
const STATUS_OF_TYPE: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

const MAX_MESSAGE = 300;

function line(text: string, secrets: StreamErrorContext["secrets"]): string {
  const one = redact(text, secrets).replace(/\s+/g, " ").trim();
  return one.length > MAX_MESSAGE ? `${one.slice(0, MAX_MESSAGE - 1)}…` : one;
}

/** An in-stream `error` event (`{error: {type, message}}`), e.g. `overloaded_error` mid-response. */
export function inStreamError(event: Record<string, unknown>, ctx: StreamErrorContext): ProviderStreamError {
  const error = isRecord(event.error) ? event.error : {};
  const type = typeof error.type === "string" && error.type !== "" ? line(error.type, ctx.secrets) : "unknown";
  const message = typeof error.message === "string" ? error.message : "unknown error";
  const status = STATUS_OF_TYPE[type];
  return new ProviderStreamError({
    message: `${ctx.provider} API Error ${type}: ${line(message, ctx.secrets)}`,
    provider: ctx.provider,
    upstreamCode: type,
    ...(status === undefined ? {} : { status }),
  });
}

/**
 * `stop_reason` values that leave the answer incomplete: `max_tokens` (or the context window) cut
 * it, code `max_tokens`; `refusal` stopped it, code `content_filter`.
 */
export function stopReasonError(reason: string, ctx: StreamErrorContext): ProviderFinishReasonError | undefined {
  if (reason === "max_tokens" || reason === "model_context_window_exceeded") {
    return new ProviderFinishReasonError({
      finishReason: "length",
      message: `${ctx.provider}: the response hit the max tokens limit and was cut off (stop_reason ${reason})`,
      provider: ctx.provider,
    });
  }
  if (reason === "refusal") {
    return new ProviderFinishReasonError({
      finishReason: "content_filter",
      message: `${ctx.provider}: the model refused to continue (stop_reason refusal)`,
      provider: ctx.provider,
    });
  }
  return undefined;
}

/** The body ended before `message_stop`. */
export function incompleteStream(ctx: StreamErrorContext): ProviderResponseError {
  return new ProviderResponseError({
    code: "incomplete_stream",
    message: `${ctx.provider} stream ended before the response was complete (no message_stop)`,
    provider: ctx.provider,
  });
}
