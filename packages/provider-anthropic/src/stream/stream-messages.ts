import type Anthropic from "@anthropic-ai/sdk";
import type { ApiStreamChunk } from "@parallel-tool-calls/core-metadata";
import { ProviderAbortError } from "@parallel-tool-calls/provider-helpers";
import {
  type ErrorContext,
  eventJson,
  type StreamBounds,
  sendWithRetries,
  sseEvents,
  toProviderError,
} from "@parallel-tool-calls/provider-helpers/internal";
import type { MessagesRequestBody } from "../wire-types.js";
import { mapMessagesStream } from "./map-messages-stream.js";

export interface StreamMessagesInput {
  client: Anthropic;
  /** The whole request body, built once by the handler. */
  body: MessagesRequestBody;
  signal?: AbortSignal;
  /** Provider name, secrets and the SDK's error classes. */
  errors: Omit<ErrorContext, "signal">;
  bounds: StreamBounds;
  /** Re-sending before the stream starts (see `sendWithRetries`). */
  retry: Parameters<typeof sendWithRetries>[0]["retry"];
}

async function* parsed(events: ReturnType<typeof sseEvents>, errors: ErrorContext): AsyncGenerator<unknown> {
  for await (const event of events) yield eventJson(event, errors);
}

/**
 * Sends one streaming Messages request through the SDK and yields its chunks, throwing typed errors
 * only. The SDK sends the request and maps HTTP errors; the body is then read here, within the
 * stream bounds (`sseEvents`), instead of by the SDK's stream reader. Aborting closes the HTTP
 * connection and throws {@link ProviderAbortError}. A request that failed before its stream started
 * (a 429, a 529 "overloaded", a refused connection) is re-sent within `retry`, a `retry` chunk first.
 */
export async function* streamMessages(input: StreamMessagesInput): AsyncGenerator<ApiStreamChunk> {
  const errors: ErrorContext = { ...input.errors, ...(input.signal ? { signal: input.signal } : {}) };
  const aborted = () =>
    new ProviderAbortError({ message: `${errors.provider} request aborted`, provider: errors.provider });
  if (input.signal?.aborted) throw aborted();
  try {
    const response = yield* sendWithRetries({
      send: () =>
        input.client.messages
          // The body is this package's own structural type, a subset of what the SDK accepts.
          .create(input.body as unknown as Anthropic.MessageCreateParamsStreaming, {
            ...(input.signal ? { signal: input.signal } : {}),
          })
          .asResponse(),
      toError: (raw) => toProviderError(raw, errors),
      retry: input.retry,
      ...(input.signal ? { signal: input.signal } : {}),
    });
    const events = parsed(sseEvents({ response, bounds: input.bounds, errors }), errors);
    yield* mapMessagesStream(events, {
      provider: errors.provider,
      secrets: errors.secrets,
      toProviderError: (error) => toProviderError(error, errors),
    });
  } catch (error) {
    throw toProviderError(error, errors);
  }
  // The body may end quietly on abort; the caller must still learn the turn is incomplete.
  if (input.signal?.aborted) throw aborted();
}
