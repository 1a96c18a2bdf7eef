import type { ApiStreamRetryChunk } from "@parallel-tool-calls/core-metadata";
import type { ProviderError } from "../errors.js";
import { abortableWait } from "./abortable-wait.js";
import { type ResolvedRetryOptions, retryDelayMs } from "./retry-policy.js";
import { retryVerdict } from "./retryable-failure.js";

/** What {@link sendWithRetries} needs; nothing in it is specific to one protocol. */
export interface SendWithRetriesInput<T> {
  /**
   * One attempt of the send step: the request up to the response headers (the SDK's `create(…)`
   * up to `asResponse()`), throwing what the SDK throws. Never the reading of the stream's body.
   */
  send: () => Promise<T>;
  /** The handler's own mapping of anything `send` throws (an abort included) to its typed error. */
  toError: (raw: unknown) => ProviderError;
  retry: ResolvedRetryOptions;
  signal?: AbortSignal;
  /** Source of the jitter (default `Math.random`). */
  random?: () => number;
}

/** Sets `attempts` on the final error and says it in the message when there was more than one. */
function gaveUp(error: ProviderError, attempts: number): ProviderError {
  if (error.attempts === undefined) {
    error.attempts = attempts;
    if (attempts > 1) error.message = `${error.message} (${attempts} attempts)`;
  }
  return error;
}

/**
 * Runs the send step of a streaming request, re-sending it while it fails before any response
 * body arrived with a retryable failure (see `retryVerdict`), within `retry`'s bounds. Before each
 * wait it yields a `retry` chunk; an abort during the wait ends it at once with the handler's abort
 * error. Returns what `send` returned (use with `yield*`); the final error carries `attempts`.
 * Only the send step is repeated: once a stream has started nothing is ever re-sent.
 */
export async function* sendWithRetries<T>(input: SendWithRetriesInput<T>): AsyncGenerator<ApiStreamRetryChunk, T> {
  const { retry, signal } = input;
  const maxAttempts = retry.maxRetries + 1;
  let waitedMs = 0;
  for (let attempt = 1; ; attempt++) {
    let raw: unknown;
    try {
      return await input.send();
    } catch (thrown) {
      raw = thrown;
    }
    const error = input.toError(raw);
    if (attempt >= maxAttempts || signal?.aborted) throw gaveUp(error, attempt);
    const verdict = retryVerdict(error, raw);
    const delayMs = verdict.retryable ? retryDelayMs(attempt, retry, verdict.hintMs, input.random) : undefined;
    if (delayMs === undefined || waitedMs + delayMs > retry.maxTotalWaitMs) throw gaveUp(error, attempt);
    waitedMs += delayMs;
    yield {
      type: "retry",
      attempt: attempt + 1,
      maxAttempts,
      delayMs,
      reason: {
        code: error.code,
        ...(error.status === undefined ? {} : { status: error.status }),
        message: error.message,
      },
    };
    if (!(await abortableWait(delayMs, signal))) throw gaveUp(input.toError(signal?.reason), attempt);
  }
}
