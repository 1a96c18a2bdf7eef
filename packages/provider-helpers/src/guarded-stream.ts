import type { ApiStreamChunk } from "@parallel-tool-calls/core-metadata";
import { ProviderAbortError } from "./errors.js";
import { type ErrorContext, toProviderError } from "./map-provider-error.js";

export interface GuardedStreamInput {
  errors: Omit<ErrorContext, "signal">;
  signal?: AbortSignal | undefined;
}

/**
 * Runs one request's stream (`run` sends it and maps its events) so that whatever the protocol,
 * everything thrown is a typed provider error without the handler's secrets, an aborted signal is a
 * {@link ProviderAbortError} before sending, and a body that ended quietly on abort still fails:
 * the caller must learn that the turn is incomplete.
 */
export async function* guardedStream(
  input: GuardedStreamInput,
  run: (errors: ErrorContext) => AsyncIterable<ApiStreamChunk>,
): AsyncGenerator<ApiStreamChunk> {
  const { signal } = input;
  const errors: ErrorContext = { ...input.errors, ...(signal ? { signal } : {}) };
  const aborted = () =>
    new ProviderAbortError({ message: `${errors.provider} request aborted`, provider: errors.provider });
  if (signal?.aborted) throw aborted();
  try {
    yield* run(errors);
  } catch (error) {
    throw toProviderError(error, errors);
  }
  if (signal?.aborted) throw aborted();
}
