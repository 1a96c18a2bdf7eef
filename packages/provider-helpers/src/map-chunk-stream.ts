import type {
  ApiStreamChunk,
  ApiStreamReasoningChunk,
  ApiStreamToolCallPartialChunk,
} from "@parallel-tool-calls/core-metadata";
import { ProviderFinishReasonError, ProviderStreamError } from "./errors.js";
import { type ErrorContext, streamErrorFromBody } from "./map-provider-error.js";
import { ReasoningDetailsAccumulator } from "./reasoning-details.js";
import { redactSecrets } from "./redact.js";
import { type CostOf, toUsageChunk } from "./usage.js";
import type { WireChunk, WireDelta, WireToolCallDelta, WireUsage } from "./wire-types.js";

export interface ChunkStreamOptions {
  errors: ErrorContext;
  /** Prices the usage report; without it the usage chunk has no `totalCost`. */
  costOf?: CostOf;
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

/** Per-stream reasoning state: once `reasoning_details` appeared, the plain `reasoning` copy is ignored. */
class ReasoningSource {
  private sawDetails = false;

  *read(delta: WireDelta): Generator<ApiStreamReasoningChunk> {
    if (Array.isArray(delta.reasoning_details) && delta.reasoning_details.length > 0) {
      this.sawDetails = true;
      for (const detail of delta.reasoning_details) {
        // Encrypted details carry no readable text; they are never shown.
        const text =
          detail.type === "reasoning.text" ? detail.text : detail.type === "reasoning.summary" ? detail.summary : null;
        if (typeof text === "string" && text !== "") yield { type: "reasoning", text };
      }
      return;
    }
    if (this.sawDetails) return;
    const plain = delta.reasoning ?? delta.reasoning_content;
    if (typeof plain === "string" && plain !== "") yield { type: "reasoning", text: plain };
  }
}

function finishError(reason: "length" | "content_filter", ctx: ErrorContext): ProviderFinishReasonError {
  const why =
    reason === "length"
      ? "the response hit the max tokens limit and was cut off"
      : "the response was stopped by the content filter";
  return new ProviderFinishReasonError(reason, redactSecrets(`${ctx.provider}: ${why}`, ctx.secrets), {
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
 * has ended (after the usage chunk), so nothing truncated is mistaken for a complete turn.
 */
export async function* mapChunkStream(
  chunks: AsyncIterable<unknown>,
  options: ChunkStreamOptions,
): AsyncGenerator<ApiStreamChunk> {
  const reasoning = new ReasoningSource();
  const details = new ReasoningDetailsAccumulator();
  let usage: WireUsage | undefined;
  let inferenceProvider: string | undefined;
  let stopped: ProviderFinishReasonError | undefined;

  for await (const raw of chunks) {
    const chunk = raw as WireChunk & { error?: unknown };
    if (chunk.error !== undefined && chunk.error !== null) throw streamErrorFromBody(chunk.error, options.errors);
    if (typeof chunk.provider === "string") inferenceProvider = chunk.provider;
    if (chunk.usage) usage = chunk.usage;
    // After a truncating finish only the usage report is still of interest.
    if (stopped) continue;
    for (const choice of chunk.choices ?? []) {
      const delta = choice.delta ?? {};
      yield* reasoning.read(delta);
      details.add(delta.reasoning_details);
      for (const call of delta.tool_calls ?? []) yield toPartial(call);
      if (typeof delta.content === "string" && delta.content !== "") yield { type: "text", text: delta.content };
      const reason = choice.finish_reason;
      if (reason === "length" || reason === "content_filter") {
        stopped = finishError(reason, options.errors);
      } else if (reason === "error") {
        throw new ProviderStreamError(
          `${options.errors.streamErrorLabel ?? options.errors.provider} API Error unknown: the stream finished with an error`,
          { provider: options.errors.provider, upstreamCode: "unknown" },
        );
      } else if (typeof reason === "string" && reason !== "") {
        yield { type: "finish_reason", reason };
      }
    }
  }
  const detailsChunk = details.toChunk();
  if (detailsChunk) yield detailsChunk;
  if (usage) yield toUsageChunk(usage, options.costOf, inferenceProvider);
  if (stopped) throw stopped;
}
