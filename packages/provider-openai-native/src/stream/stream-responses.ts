import type { ApiStreamChunk } from "@parallel-tool-calls/core-metadata";
import { ProviderAbortError } from "@parallel-tool-calls/provider-helpers";
import {
  type ErrorContext,
  type StreamBounds,
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
}

/**
 * Sends one streaming Responses request through the SDK (which also maps HTTP errors) and reads
 * the body with the project's bounded SSE reader instead of the SDK's: `event:` lines are optional
 * (the JSON `type` names the event; OpenRouter sends none) and a `data: [DONE]` is accepted.
 * Everything thrown is a typed provider error without the handler's secrets.
 */
export async function* streamResponses(input: StreamResponsesInput): AsyncGenerator<ApiStreamChunk> {
  const errors: ErrorContext = { ...input.errors, ...(input.signal ? { signal: input.signal } : {}) };
  const aborted = () =>
    new ProviderAbortError({ message: `${errors.provider} request aborted`, provider: errors.provider });
  if (input.signal?.aborted) throw aborted();
  try {
    const response = await input.client.responses
      // The body is this package's structural copy of the SDK's streaming params.
      .create(input.body as unknown as OpenAI.Responses.ResponseCreateParamsStreaming, {
        ...(input.signal ? { signal: input.signal } : {}),
      })
      .asResponse();
    const events = sseChunks({
      response,
      bounds: input.bounds,
      errors,
      isFinal: isTerminalEvent,
      finalDescription: RESPONSES_FINAL_EVENTS,
    });
    yield* mapResponsesStream(events, errors);
  } catch (error) {
    throw toProviderError(error, errors);
  }
}
