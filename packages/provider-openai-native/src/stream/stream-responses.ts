import type { ApiStreamChunk } from "@parallel-tool-calls/core-metadata";
import type { ResolvedRetryOptions } from "@parallel-tool-calls/provider-helpers";
import {
  type ErrorContext,
  guardedStream,
  type StreamBounds,
  sendWithRetries,
  sseChunks,
  toProviderError,
} from "@parallel-tool-calls/provider-helpers/internal";
import type OpenAI from "openai";
import type { ResponsesRequestBody } from "../request/responses-request-body.js";
import { mapResponsesStream, RESPONSES_FINAL_EVENTS } from "./map-responses-stream.js";
import { isTerminalEvent } from "./responses-events.js";

export interface StreamResponsesInput {
  client: OpenAI;
  body: ResponsesRequestBody;
  signal?: AbortSignal;
  errors: Omit<ErrorContext, "signal">;
  bounds: StreamBounds;
  /** Re-sending before the stream starts (see `sendWithRetries`). */
  retry: ResolvedRetryOptions;
}

/**
 * Sends one streaming Responses request through the SDK (which also maps HTTP errors) and reads
 * the body with the project's bounded SSE reader instead of the SDK's: `event:` lines are optional
 * (the JSON `type` names the event; OpenRouter sends none) and a `data: [DONE]` is accepted.
 * A request that fails before its stream starts is re-sent within `retry` (a `retry` chunk first);
 * everything thrown is a typed provider error without the handler's secrets.
 */
export function streamResponses(input: StreamResponsesInput): AsyncGenerator<ApiStreamChunk> {
  return guardedStream(input, async function* (errors) {
    const response = yield* sendWithRetries({
      send: () =>
        input.client.responses
          // The body is this package's structural copy of the SDK's streaming params.
          .create(input.body as unknown as OpenAI.Responses.ResponseCreateParamsStreaming, {
            ...(input.signal ? { signal: input.signal } : {}),
          })
          .asResponse(),
      toError: (raw) => toProviderError(raw, errors),
      retry: input.retry,
      ...(input.signal ? { signal: input.signal } : {}),
    });
    const events = sseChunks({
      response,
      bounds: input.bounds,
      errors,
      isFinal: isTerminalEvent,
      finalDescription: RESPONSES_FINAL_EVENTS,
    });
    yield* mapResponsesStream(events, errors);
  });
}
