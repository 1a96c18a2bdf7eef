import type { ApiStreamChunk } from "@parallel-tool-calls/core-metadata";
import { isRecord } from "@parallel-tool-calls/core-metadata/internal";
import type { ProviderFinishReasonError } from "@parallel-tool-calls/provider-helpers";
import { ContentBlocks } from "./content-blocks.js";
import { MessagesUsage } from "./messages-usage.js";
import { incompleteStream, inStreamError, type StreamErrorContext, stopReasonError } from "./stream-errors.js";

function indexOf(event: Record<string, unknown>): number | undefined {
  const index = event.index;
  return typeof index === "number" && Number.isInteger(index) ? index : undefined;
}

/**
 * Maps the parsed events of one Messages stream onto the chunk union (see {@link ContentBlocks}), then
 * one `finish_reason` chunk with the `stop_reason` and one `usage` chunk. Failures throw, after
 * yielding the usage reported so far (also kept as `error.usage`): an `error` event, a body that ends
 * before `message_stop`, and a `stop_reason` that leaves the answer incomplete (`max_tokens`,
 * `refusal`), for which no `finish_reason` is yielded, so a call whose block never stopped stays
 * incomplete and never runs.
 */
export async function* mapMessagesStream(
  events: AsyncIterable<unknown>,
  ctx: StreamErrorContext,
): AsyncGenerator<ApiStreamChunk> {
  const usage = new MessagesUsage();
  const blocks = new ContentBlocks();
  let stopReason: string | undefined;
  let stopped: ProviderFinishReasonError | undefined;
  let ended = false;
  try {
    for await (const raw of events) {
      if (!isRecord(raw)) continue;
      switch (raw.type) {
        case "message_start":
          usage.see(isRecord(raw.message) ? raw.message.usage : undefined);
          break;
        case "content_block_start": {
          const index = indexOf(raw);
          if (index !== undefined && isRecord(raw.content_block)) yield* blocks.start(index, raw.content_block);
          break;
        }
        case "content_block_delta": {
          const index = indexOf(raw);
          if (index !== undefined && isRecord(raw.delta)) yield* blocks.delta(index, raw.delta);
          break;
        }
        case "content_block_stop": {
          const index = indexOf(raw);
          if (index !== undefined) yield* blocks.stop(index);
          break;
        }
        case "message_delta": {
          usage.see(raw.usage);
          const reason = isRecord(raw.delta) ? raw.delta.stop_reason : undefined;
          if (typeof reason === "string" && reason !== "") {
            stopReason = reason;
            stopped = stopReasonError(reason, ctx);
          }
          break;
        }
        case "message_stop":
          ended = true;
          break;
        case "error":
          throw inStreamError(raw, ctx);
        default:
          // `ping` and event types this package does not know.
          break;
      }
      if (ended) break;
    }
    if (!ended) throw incompleteStream(ctx);
  } catch (error) {
    // The tokens spent before the failure are reported (and carried by the error), never lost.
    const failure = ctx.toProviderError(error);
    const report = usage.take();
    if (report) {
      failure.usage ??= report;
      yield report;
    }
    throw failure;
  }
  if (stopReason !== undefined && !stopped) yield { type: "finish_reason", reason: stopReason };
  const report = usage.take();
  if (report) yield report;
  if (stopped) {
    if (report) stopped.usage = report;
    throw stopped;
  }
}
