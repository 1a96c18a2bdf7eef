import { ProviderIdleTimeoutError, ProviderResponseError } from "./errors.js";
import { IdleWatch } from "./idle-watch.js";
import type { ErrorContext } from "./map-provider-error.js";
import { assertEventStream } from "./response-checks.js";
import { SseDecoder, SseEventTooLargeError, type SseMessage } from "./sse-decoder.js";
import type { StreamBounds } from "./stream-bounds.js";

export interface SseChunksInput {
  /** A 2xx response of a streaming chat completion request (as the `openai` SDK returned it). */
  response: Response;
  bounds: StreamBounds;
  errors: ErrorContext;
  /**
   * Whether a payload completes the response, so that the body may end after it (default: a chat
   * chunk with a `finish_reason`). Other protocols pass their terminal events.
   */
  isFinal?: (chunk: unknown) => boolean;
  /** What a complete stream ends with, for the `incomplete_stream` message (default: the chat one). */
  finalDescription?: string;
}

function hasFinishReason(chunk: unknown): boolean {
  const choices = (chunk as { choices?: unknown } | null)?.choices;
  if (!Array.isArray(choices)) return false;
  return choices.some((choice) => {
    const reason = (choice as { finish_reason?: unknown } | null)?.finish_reason;
    return typeof reason === "string" && reason !== "";
  });
}

/**
 * The parsed `data:` payloads of an SSE stream, read linearly from the raw body with every bound
 * enforced: content type, idle time between lines, size of one event, and completeness (by
 * default a `finish_reason` or `data: [DONE]` before the body ends; see `isFinal`). Throws typed
 * {@link ProviderResponseError}s / {@link ProviderIdleTimeoutError}; the body is released on exit.
 */
export async function* sseChunks(input: SseChunksInput): AsyncGenerator<unknown> {
  const { response, bounds, errors } = input;
  assertEventStream(response, errors);
  const { provider } = errors;
  const isFinal = input.isFinal ?? hasFinishReason;
  const incomplete = () =>
    new ProviderResponseError({
      code: "incomplete_stream",
      message: `${provider} stream ended before the response was complete (${input.finalDescription ?? "no finish_reason, no [DONE]"})`,
      provider,
    });
  if (!response.body) throw incomplete();
  const reader = response.body.getReader();
  const text = new TextDecoder();
  const sse = new SseDecoder(bounds.maxEventChars);
  const idle = new IdleWatch(bounds.idleTimeoutMs);
  let finished = false;

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
      const messages = decode(read.done ? undefined : read.value);
      for (const message of messages) {
        if (message.data.startsWith("[DONE]")) return;
        let chunk: unknown;
        try {
          chunk = JSON.parse(message.data);
        } catch {
          throw new ProviderResponseError({
            code: "invalid_response",
            message: `${provider} sent a malformed stream event`,
            provider,
          });
        }
        if (isFinal(chunk)) finished = true;
        yield chunk;
      }
      if (read.done) break;
    }
    if (!finished) throw incomplete();
  } finally {
    idle.stop();
    // Stops a stalled or abandoned body and frees the connection; a no-op once the body ended.
    reader.cancel().catch(() => {});
  }
}
