import { ProviderResponseError } from "./errors.js";
import type { ErrorContext } from "./map-provider-error.js";
import { eventJson, sseEvents } from "./sse-events.js";
import type { StreamBounds } from "./stream-bounds.js";

export interface SseChunksInput {
  /** A 2xx response of a streaming request (as the `openai` SDK returned it). */
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
 * The parsed `data:` payloads of an SSE stream, read within the stream bounds (see `sseEvents`),
 * and checked for completeness: by default a `finish_reason` or `data: [DONE]` before the body
 * ends (see `isFinal`). Throws typed {@link ProviderResponseError}s.
 */
export async function* sseChunks(input: SseChunksInput): AsyncGenerator<unknown> {
  const { provider } = input.errors;
  const isFinal = input.isFinal ?? hasFinishReason;
  let finished = false;
  for await (const message of sseEvents(input)) {
    if (message.data.startsWith("[DONE]")) return;
    const chunk = eventJson(message, input.errors);
    if (isFinal(chunk)) finished = true;
    yield chunk;
  }
  if (!finished) {
    throw new ProviderResponseError({
      code: "incomplete_stream",
      message: `${provider} stream ended before the response was complete (${input.finalDescription ?? "no finish_reason, no [DONE]"})`,
      provider,
    });
  }
}
