import type { ApiStreamChunk } from "@parallel-tool-calls/core-metadata";
import type OpenAI from "openai";
import { openChatChunks } from "./chat-chunk-source.js";
import type { ChatRequestBody } from "./chat-request-body.js";
import { ProviderAbortError } from "./errors.js";
import { mapChunkStream } from "./map-chunk-stream.js";
import { type ErrorContext, toProviderError } from "./map-provider-error.js";
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
}

/**
 * Sends one streaming Chat Completions request and yields its chunks, throwing typed errors only.
 * Aborting closes the HTTP connection (the SDK aborts its fetch) and throws {@link ProviderAbortError}.
 */
export async function* streamChatCompletion(input: StreamChatCompletionInput): AsyncGenerator<ApiStreamChunk> {
  const errors: ErrorContext = { ...input.errors, ...(input.signal ? { signal: input.signal } : {}) };
  const aborted = () => new ProviderAbortError(`${errors.provider} request aborted`, { provider: errors.provider });
  if (input.signal?.aborted) throw aborted();
  try {
    // Not the SDK's iterator: it throws an error chunk away, usage included (see chat-chunk-source).
    const stream = await openChatChunks(input.client, input.body, {
      ...(input.signal ? { signal: input.signal } : {}),
      ...(input.headers ? { headers: input.headers } : {}),
    });
    yield* mapChunkStream(stream, { errors, ...(input.costOf ? { costOf: input.costOf } : {}) });
  } catch (error) {
    throw toProviderError(error, errors);
  }
  // The SDK ends an aborted stream quietly; the caller must still learn the turn is incomplete.
  if (input.signal?.aborted) throw aborted();
}
