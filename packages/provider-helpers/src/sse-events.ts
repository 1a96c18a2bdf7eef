import { ProviderIdleTimeoutError, ProviderResponseError } from "./errors.js";
import { IdleWatch } from "./idle-watch.js";
import type { ErrorContext } from "./map-provider-error.js";
import { assertEventStream } from "./response-checks.js";
import { SseDecoder, SseEventTooLargeError, type SseMessage } from "./sse-decoder.js";
import type { StreamBounds } from "./stream-bounds.js";

export interface SseEventsInput {
  /** A 2xx response of a streaming request, as the protocol's SDK returned it (`.asResponse()`). */
  response: Response;
  bounds: StreamBounds;
  errors: ErrorContext;
}

/**
 * The events of an SSE body, whatever the protocol, read linearly from the raw body with every
 * bound enforced: content type, idle time between lines, size of one event. Ends quietly when the
 * body ends (whether the protocol's response was complete is the caller's check); throws typed
 * {@link ProviderResponseError}s / {@link ProviderIdleTimeoutError}; the body is released on exit.
 */
export async function* sseEvents(input: SseEventsInput): AsyncGenerator<SseMessage> {
  const { response, bounds, errors } = input;
  assertEventStream(response, errors);
  const { provider } = errors;
  if (!response.body) return;
  const reader = response.body.getReader();
  const text = new TextDecoder();
  const sse = new SseDecoder(bounds.maxEventChars);
  const idle = new IdleWatch(bounds.idleTimeoutMs);

  const decode = (bytes: Uint8Array | undefined): SseMessage[] => {
    const lines = sse.lines;
    try {
      return sse.push(bytes ? text.decode(bytes, { stream: true }) : text.decode());
    } catch (error) {
      if (!SseEventTooLargeError.isInstance(error)) throw error;
      throw new ProviderResponseError({
        code: "event_too_large",
        message: `${provider} sent a stream event larger than ${bounds.maxEventChars} characters (maxEventChars)`,
        provider,
      });
    } finally {
      // Any complete line (data, keep-alive comment, blank line) shows the server is alive.
      if (sse.lines !== lines) idle.touch();
    }
  };

  try {
    for (;;) {
      const read = await idle.read(reader);
      if (read === "timeout") {
        throw new ProviderIdleTimeoutError({
          message: `${provider} stream stalled: no complete line for ${bounds.idleTimeoutMs} ms (idleTimeoutMs)`,
          provider,
          idleTimeoutMs: bounds.idleTimeoutMs,
        });
      }
      yield* decode(read.done ? undefined : read.value);
      if (read.done) return;
    }
  } finally {
    idle.stop();
    // Stops a stalled or abandoned body and frees the connection; a no-op once the body ended.
    reader.cancel().catch(() => {});
  }
}

/** The JSON payload of one event; a payload that is not JSON is a typed `invalid_response`. */
export function eventJson(message: SseMessage, errors: Pick<ErrorContext, "provider">): unknown {
  try {
    return JSON.parse(message.data);
  } catch {
    throw new ProviderResponseError({
      code: "invalid_response",
      message: `${errors.provider} sent a malformed stream event`,
      provider: errors.provider,
    });
  }
}
