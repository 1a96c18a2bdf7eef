import type { ApiStreamChunk } from "@parallel-tool-calls/core-metadata";
import type OpenAI from "openai";
import type { ChatRequestBody } from "./chat-request-body.js";
import { guardedStream } from "./guarded-stream.js";
import { mapChunkStream } from "./map-chunk-stream.js";
import type { ErrorContext } from "./map-provider-error.js";
import { sseChunks } from "./sse-chunks.js";
import { resolveStreamBounds, type StreamBounds } from "./stream-bounds.js";
import type { CostOf } from "./usage.js";

export interface StreamChatCompletionInput {
  client: OpenAI;
  /** The whole request body, built once by the handler. */
  body: ChatRequestBody;
  /** Per-request headers (on top of the client's default headers). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  errors: Omit<ErrorContext, "signal">;
  costOf?: CostOf;
  /** Idle timeout and event size limit; defaults `DEFAULT_IDLE_TIMEOUT_MS`, `DEFAULT_MAX_EVENT_CHARS`. */
  bounds?: Partial<StreamBounds>;
}

/**
 * Sends one streaming Chat Completions request through the SDK and yields its chunks, throwing
 * typed errors only. The SDK sends the request and maps HTTP errors; the body is then read here,
 * linearly and within the stream bounds (see `sseChunks`), instead of by the SDK's stream reader.
 * Aborting closes the HTTP connection (the SDK aborts its fetch) and throws `ProviderAbortError`
 * (see `guardedStream`).
 */
export function streamChatCompletion(input: StreamChatCompletionInput): AsyncGenerator<ApiStreamChunk> {
  return guardedStream(input, async function* (errors) {
    const response = await input.client.chat.completions
      .create(input.body, {
        ...(input.signal ? { signal: input.signal } : {}),
        ...(input.headers ? { headers: input.headers } : {}),
      })
      .asResponse();
    // Chunks carrying an in-stream `error` reach mapChunkStream, which yields their usage first.
    const chunks = sseChunks({ response, bounds: resolveStreamBounds(input.bounds), errors });
    yield* mapChunkStream(chunks, { errors, ...(input.costOf ? { costOf: input.costOf } : {}) });
  });
}
