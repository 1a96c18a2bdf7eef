import { redact } from "@parallel-tool-calls/core-metadata";
import { ProviderResponseError } from "./errors.js";
import type { ErrorContext } from "./map-provider-error.js";

// Enough to name any real media type; a longer header is cut so the message stays one short line.
const MAX_TYPE_LENGTH = 80;

function mediaTypeOf(response: Response): string {
  const header = response.headers.get("content-type") ?? "";
  return (header.split(";")[0] ?? "").trim().toLowerCase().slice(0, MAX_TYPE_LENGTH);
}

/**
 * Refuses a 2xx response that is not an event stream before reading it: a plain JSON completion
 * (the server ignored `stream: true`) or anything else (an HTML login page, a proxy's answer).
 * A missing content type is accepted; the stream checks catch a body that is not SSE.
 */
export function assertEventStream(response: Response, ctx: ErrorContext): void {
  const type = mediaTypeOf(response);
  if (type === "" || type === "text/event-stream") return;
  // Nothing of the body is needed: release the connection.
  response.body?.cancel().catch(() => {});
  if (type === "application/json" || type.endsWith("+json")) {
    throw new ProviderResponseError({
      code: "non_stream_body",
      message: `${ctx.provider} answered with a single JSON response instead of an event stream (the server ignored stream: true)`,
      provider: ctx.provider,
      status: response.status,
    });
  }
  throw new ProviderResponseError({
    code: "unexpected_content_type",
    message: redact(
      `${ctx.provider} answered with content type ${type} instead of an event stream (a proxy, a login page or a wrong base URL?)`,
      ctx.secrets,
    ),
    provider: ctx.provider,
    status: response.status,
  });
}
