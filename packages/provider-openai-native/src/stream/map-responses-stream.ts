import type { ApiStreamChunk } from "@parallel-tool-calls/core-metadata";
import { isRecord } from "@parallel-tool-calls/core-metadata/internal";
import { ProviderResponseError } from "@parallel-tool-calls/provider-helpers";
import type { ErrorContext } from "@parallel-tool-calls/provider-helpers/internal";
import { FunctionCalls } from "./function-calls.js";
import { reasoningBlock } from "./provider-data.js";
import { ReadableParts } from "./readable-parts.js";
import { numberOr, type ResponsesStreamEvent, stringOr } from "./responses-events.js";
import { toUsageChunk } from "./responses-usage.js";
import { failedError, incompleteError } from "./terminal-errors.js";

/** What a complete stream ends with, for the `incomplete_stream` message. */
export const RESPONSES_FINAL_EVENTS = "no response.completed, response.incomplete or response.failed";

function indexOf(event: ResponsesStreamEvent): number | undefined {
  return typeof event.output_index === "number" ? event.output_index : undefined;
}

interface ReadableEvent {
  kind: "text" | "reasoning";
  /** Which part of the item: answer text, refusal, a summary part, raw reasoning text. */
  part: string;
  /** The event field that numbers the part. */
  partIndex: "content_index" | "summary_index";
  /** A `.done` event: its whole `text` counts only when no delta of the part came. */
  done?: true;
}

// The readable text events: deltas, and `.done` events for hosts that send no deltas.
// (A Map: an event named like an Object.prototype member must find nothing.)
const READABLE_EVENTS = new Map<unknown, ReadableEvent>([
  ["response.output_text.delta", { kind: "text", part: "text", partIndex: "content_index" }],
  ["response.output_text.done", { kind: "text", part: "text", partIndex: "content_index", done: true }],
  ["response.refusal.delta", { kind: "text", part: "refusal", partIndex: "content_index" }],
  ["response.reasoning_summary_text.delta", { kind: "reasoning", part: "summary", partIndex: "summary_index" }],
  [
    "response.reasoning_summary_text.done",
    { kind: "reasoning", part: "summary", partIndex: "summary_index", done: true },
  ],
  ["response.reasoning_text.delta", { kind: "reasoning", part: "raw", partIndex: "content_index" }],
  ["response.reasoning_text.done", { kind: "reasoning", part: "raw", partIndex: "content_index", done: true }],
]);

/** State of one response while its events are mapped. */
class ResponseMapping {
  readonly calls = new FunctionCalls();
  readonly parts = new ReadableParts();
  // Events without `output_index` (some hosts) still need one key per item.
  #lastIndex = 0;

  index(event: ResponsesStreamEvent): number {
    const index = indexOf(event);
    if (index !== undefined) this.#lastIndex = index;
    return index ?? this.#lastIndex;
  }

  *event(event: ResponsesStreamEvent): Generator<ApiStreamChunk> {
    const { calls, parts } = this;
    const readable = READABLE_EVENTS.get(event.type);
    if (readable) {
      const part = `${readable.part}:${numberOr(event[readable.partIndex], 0)}`;
      if (readable.done) yield* parts.partDone(readable.kind, this.index(event), part, event.text);
      else yield* parts.delta(readable.kind, this.index(event), part, event.delta);
      return;
    }
    switch (event.type) {
      case "response.output_item.added": {
        const item = isRecord(event.item) ? event.item : {};
        if (item.type === "function_call") yield* calls.added(this.index(event), item);
        return;
      }
      case "response.function_call_arguments.delta":
        yield* calls.delta(indexOf(event), event.item_id, stringOr(event.delta, ""));
        return;
      case "response.function_call_arguments.done":
        yield* calls.argumentsDone(indexOf(event), event.item_id, event.arguments);
        return;
      case "response.output_item.done": {
        const item = isRecord(event.item) ? event.item : {};
        const index = this.index(event);
        if (item.type === "function_call") {
          yield* calls.done(index, item);
        } else if (item.type === "message") {
          yield* parts.itemDone(index, item);
        } else if (item.type === "reasoning") {
          yield* parts.itemDone(index, item);
          // The item of the done event, whose `encrypted_content` is final (the added copy may not be).
          yield reasoningBlock(item);
        }
        return;
      }
      default:
        // Lifecycle (`response.created`, `.in_progress`, `.queued`), content-part boundaries and
        // server-tool progress carry nothing a turn keeps.
        return;
    }
  }
}

/**
 * Maps the parsed events of a Responses stream onto the shared chunk union: `reasoning` (summary
 * and raw reasoning text), `text`, per function call `tool_call_partial` fragments then one
 * `tool_call_complete` on its `response.output_item.done`, one `provider_block` per reasoning item
 * (the whole done item, `encrypted_content` included), and at `response.completed` a
 * `finish_reason` (`tool_calls` when the response called a function, else `stop`) and the `usage`.
 *
 * `response.incomplete` yields the usage, then throws a `ProviderFinishReasonError` (`max_tokens` or
 * `content_filter`); a call still open there never completes, so it never runs. `response.failed`
 * and an `error` event throw a `ProviderStreamError` (after the usage, when reported). A stream
 * that ends without one of these events throws `incomplete_stream`.
 */
export async function* mapResponsesStream(
  events: AsyncIterable<unknown>,
  errors: ErrorContext,
): AsyncGenerator<ApiStreamChunk> {
  const mapping = new ResponseMapping();
  for await (const raw of events) {
    if (!isRecord(raw)) continue;
    const event = raw as ResponsesStreamEvent;
    switch (event.type) {
      case "response.completed": {
        yield { type: "finish_reason", reason: mapping.calls.completed > 0 ? "tool_calls" : "stop" };
        const usage = toUsageChunk(event.response);
        if (usage) yield usage;
        return;
      }
      case "response.incomplete":
      case "response.failed":
      case "error": {
        const failure =
          event.type === "response.incomplete"
            ? incompleteError(event.response, errors, mapping.calls.open)
            : failedError(event, errors);
        const usage = toUsageChunk(event.response);
        if (usage) {
          failure.usage = usage;
          yield usage;
        }
        throw failure;
      }
      default:
        yield* mapping.event(event);
    }
  }
  throw new ProviderResponseError({
    code: "incomplete_stream",
    message: `${errors.provider} stream ended before the response was complete (${RESPONSES_FINAL_EVENTS})`,
    provider: errors.provider,
  });
}
