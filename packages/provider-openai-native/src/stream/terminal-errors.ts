import { isRecord } from "@parallel-tool-calls/core-metadata/internal";
import { ProviderFinishReasonError, type ProviderStreamError } from "@parallel-tool-calls/provider-helpers";
import { type ErrorContext, streamErrorFromBody } from "@parallel-tool-calls/provider-helpers/internal";
import type { ResponsesStreamEvent } from "./responses-events.js";

/** `response.incomplete`: cut at `max_output_tokens` (code `max_tokens`) or by the content filter. */
export function incompleteError(response: unknown, ctx: ErrorContext, openCalls: number): ProviderFinishReasonError {
  const details = isRecord(response) && isRecord(response.incomplete_details) ? response.incomplete_details : {};
  const filtered = details.reason === "content_filter";
  const why = filtered
    ? "the response was stopped by the content filter"
    : "the response hit max_output_tokens and was cut off";
  const calls = openCalls > 0 ? ` (${openCalls} unfinished function call${openCalls === 1 ? "" : "s"} not run)` : "";
  return new ProviderFinishReasonError({
    finishReason: filtered ? "content_filter" : "length",
    message: `${ctx.provider}: ${why}${calls}`,
    provider: ctx.provider,
  });
}

/** `response.failed` (`response.error {code, message}`) or a bare `error` event (flat or nested). */
export function failedError(event: ResponsesStreamEvent, ctx: ErrorContext): ProviderStreamError {
  if (event.type === "response.failed") {
    const response = isRecord(event.response) ? event.response : {};
    return streamErrorFromBody(isRecord(response.error) ? response.error : { message: "the response failed" }, ctx);
  }
  return streamErrorFromBody(isRecord(event.error) ? event.error : event, ctx);
}
