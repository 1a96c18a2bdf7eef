import {
  type ApiStreamChunk,
  type ApiStreamToolCallPartialChunk,
  redactSecrets,
} from "@parallel-tool-calls/core-metadata";
import { ContentSource } from "./content-source.js";
import { ProviderFinishReasonError, ProviderStreamError } from "./errors.js";
import { type ErrorContext, streamErrorFromBody } from "./map-provider-error.js";
import { ReasoningDetailsAccumulator } from "./reasoning-details.js";
import { ReasoningSource } from "./reasoning-source.js";
import type { CostOf } from "./usage.js";
import { StreamUsage, usageThenError } from "./usage-on-error.js";
import type { WireChunk, WireToolCallDelta } from "./wire-types.js";

export interface ChunkStreamOptions {
  errors: ErrorContext;
  /** Prices the usage report; without it the usage chunk has no `totalCost`. */
  costOf?: CostOf;
  /** Move a reply's leading `<think>…</think>` from the answer text to reasoning (default true). */
  splitThinkTags?: boolean;
}

function toPartial(call: WireToolCallDelta): ApiStreamToolCallPartialChunk {
  // Raw values pass through untouched (nulls included); the tool-call parser normalises them.
  const partial: ApiStreamToolCallPartialChunk = { type: "tool_call_partial" };
  if ("index" in call) partial.index = call.index;
  if ("id" in call) partial.id = call.id;
  const fn = call.function;
  if (fn && "name" in fn) partial.name = fn.name;
  if (fn && "arguments" in fn) partial.arguments = fn.arguments;
  if (call.extra_content !== undefined) partial.extra_content = call.extra_content;
  return partial;
}

function finishError(reason: "length" | "content_filter", ctx: ErrorContext): ProviderFinishReasonError {
  const why =
    reason === "length"
      ? "the response hit the max tokens limit and was cut off"
      : "the response was stopped by the content filter";
  return new ProviderFinishReasonError({
    finishReason: reason,
    message: redactSecrets(`${ctx.provider}: ${why}`, ctx.secrets),
    provider: ctx.provider,
  });
}

/**
 * Maps streamed `chat.completion.chunk`s to {@link ApiStreamChunk}s: `reasoning`, one
 * `tool_call_partial` per `delta.tool_calls[i]` in wire order, `text`, a `finish_reason` chunk for
 * each non-null finish reason (not the end: more calls may follow), then once the stream has ended
 * one `reasoning_details` chunk (when any were streamed) and one `usage`.
 *
 * A `length` / `content_filter` finish throws a {@link ProviderFinishReasonError} once the stream
 * has ended (after the usage chunk), so nothing truncated is mistaken for a complete turn. Any
 * failure after a usage report yields that usage first and carries it as `error.usage`.
 */
export async function* mapChunkStream(
  chunks: AsyncIterable<unknown>,
  options: ChunkStreamOptions,
): AsyncGenerator<ApiStreamChunk> {
  const usage = new StreamUsage(options.costOf);
  try {
    yield* mapChunks(chunks, options, usage);
  } catch (error) {
    // The tokens spent before the failure are reported (and carried by the error), never lost.
    throw yield* usageThenError(error, usage, options.errors);
  }
}

async function* mapChunks(
  chunks: AsyncIterable<unknown>,
  options: ChunkStreamOptions,
  usage: StreamUsage,
): AsyncGenerator<ApiStreamChunk> {
  const reasoning = new ReasoningSource();
  const content = new ContentSource(options.splitThinkTags ?? true);
  const details = new ReasoningDetailsAccumulator();
  let stopped: ProviderFinishReasonError | undefined;

  for await (const raw of chunks) {
    const chunk = raw as WireChunk & { error?: unknown };
    usage.see(chunk);
    if (chunk.error !== undefined && chunk.error !== null) throw streamErrorFromBody(chunk.error, options.errors);
    // After a truncating finish only the usage report is still of interest.
    if (stopped) continue;
    for (const choice of chunk.choices ?? []) {
      const delta = choice.delta ?? {};
      yield* reasoning.read(delta);
      details.add(delta.reasoning_details);
      for (const call of delta.tool_calls ?? []) yield toPartial(call);
      yield* content.read(delta.content);
      const reason = choice.finish_reason;
      if (reason === "length" || reason === "content_filter") {
        stopped = finishError(reason, options.errors);
      } else if (reason === "error") {
        throw new ProviderStreamError({
          message: `${options.errors.streamErrorLabel ?? options.errors.provider} API Error unknown: the stream finished with an error`,
          provider: options.errors.provider,
          upstreamCode: "unknown",
        });
      } else if (typeof reason === "string" && reason !== "") {
        yield { type: "finish_reason", reason };
      }
    }
  }
  yield* content.flush();
  const detailsChunk = details.toChunk();
  if (detailsChunk) yield detailsChunk;
  const report = usage.take();
  if (report) yield report;
  if (stopped) {
    if (report) stopped.usage = report;
    throw stopped;
  }
}
