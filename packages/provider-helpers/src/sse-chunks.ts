import { ProviderResponseError } from "./errors.js";
import type { ErrorContext } from "./map-provider-error.js";
import { eventJson, sseEvents } from "./sse-events.js";
import type { StreamBounds } from "./stream-bounds.js";

export interface SseChunksInput {
  /** A 2xx response of a streaming chat completion request (as the `openai` SDK returned it). */
  response: Response;
  bounds: StreamBounds;
  errors: ErrorContext;
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
 * The parsed `data:` payloads of an SSE chat completion stream, read within the stream bounds
 * (see `sseEvents`), and checked for completeness: a `finish_reason` or `data: [DONE]` before the
 * body ends. Throws typed {@link ProviderResponseError}s.
 */
export async function* sseChunks(input: SseChunksInput): AsyncGenerator<unknown> {
  const { provider } = input.errors;
  let finished = false;
  for await (const message of sseEvents(input)) {
    if (message.data.startsWith("[DONE]")) return;
    const chunk = eventJson(message, input.errors);
    if (hasFinishReason(chunk)) finished = true;
    yield chunk;
  }
  if (!finished) {
    throw new ProviderResponseError({
      code: "incomplete_stream",
      message: `${provider} stream ended before the response was complete (no finish_reason, no [DONE])`,
      provider,
    });
  }
}
