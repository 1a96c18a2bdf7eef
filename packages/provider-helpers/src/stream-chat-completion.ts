import type { ApiStreamChunk } from "@parallel-tool-calls/core-metadata";
import type OpenAI from "openai";
import type { ChatRequestBody } from "./chat-request-body.js";
import type { ResolvedRetryOptions } from "./core/retry-policy.js";
import { resolveRetryOptions } from "./core/retry-policy.js";
import { sendWithRetries } from "./core/send-with-retries.js";
import { guardedStream } from "./guarded-stream.js";
import { mapChunkStream } from "./map-chunk-stream.js";
import { type ErrorContext, toProviderError } from "./map-provider-error.js";
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
  /** Re-sending before the stream starts (see `sendWithRetries`); none when absent. */
  retry?: ResolvedRetryOptions;
}

const NO_RETRIES = resolveRetryOptions({ maxRetries: 0 });

/**
 * Sends one streaming Chat Completions request through the SDK and yields its chunks, throwing
 * typed errors only. The SDK sends the request and maps HTTP errors; the body is then read here,
 * linearly and within the stream bounds (see `sseChunks`), instead of by the SDK's stream reader.
 * Aborting closes the HTTP connection (the SDK aborts its fetch) and throws `ProviderAbortError`
 * (see `guardedStream`). With `retry`, a request that failed before its stream started is re-sent
 * (a `retry` chunk first).
 */
export function streamChatCompletion(input: StreamChatCompletionInput): AsyncGenerator<ApiStreamChunk> {
  return guardedStream(input, async function* (errors) {
    const response = yield* sendWithRetries({
      send: () =>
        input.client.chat.completions
          .create(input.body, {
            ...(input.signal ? { signal: input.signal } : {}),
            ...(input.headers ? { headers: input.headers } : {}),
          })
          .asResponse(),
      toError: (raw) => toProviderError(raw, errors),
      retry: input.retry ?? NO_RETRIES,
      ...(input.signal ? { signal: input.signal } : {}),
    });
    // Chunks carrying an in-stream `error` reach mapChunkStream, which yields their usage first.
    const chunks = sseChunks({ response, bounds: resolveStreamBounds(input.bounds), errors });
    yield* mapChunkStream(chunks, { errors, ...(input.costOf ? { costOf: input.costOf } : {}) });
  });
}
