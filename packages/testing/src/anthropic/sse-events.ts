import type { SseEvent } from "../types.js";

/** One Messages API event, framed as the API frames it: an `event:` line equal to the payload's `type`. */
export function messagesEvent(payload: Record<string, unknown> & { type: string }): SseEvent {
  return { raw: `event: ${payload.type}\ndata: ${JSON.stringify(payload)}\n\n` };
}

/** Usage fields as the API reports them (`input_tokens` excludes cache reads and writes). */
export interface MessagesUsage {
  input_tokens?: number;
  output_tokens?: number;
  cache_creation_input_tokens?: number;
  cache_read_input_tokens?: number;
}

/** What `messageStart` puts in the message: its id, model and usage (defaults fill the rest). */
export interface MessageStartInput {
  id?: string;
  model?: string;
  usage?: MessagesUsage;
}

/** `message_start`: the message envelope with the prompt side of the usage. */
export function messageStart(input: MessageStartInput = {}): SseEvent {
  return messagesEvent({
    type: "message_start",
    message: {
      id: input.id ?? "msg_test_0001",
      type: "message",
      role: "assistant",
      model: input.model ?? "claude-sonnet-4-5",
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 0, output_tokens: 1, ...input.usage },
    },
  });
}

/** Splits text in pieces of `size` characters (at least one piece, possibly empty). */
function pieces(text: string, size: number): string[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const out: string[] = [];
  for (let at = 0; at < text.length; at += size) out.push(text.slice(at, at + size));
  return out.length > 0 ? out : [""];
}

/** A text block: start, one `text_delta` per `chunkSize` characters (default 16), stop. */
export function textBlock(index: number, text: string, chunkSize = 16): SseEvent[] {
  return [
    messagesEvent({ type: "content_block_start", index, content_block: { type: "text", text: "" } }),
    ...pieces(text, chunkSize).map((piece) =>
      messagesEvent({ type: "content_block_delta", index, delta: { type: "text_delta", text: piece } }),
    ),
    messagesEvent({ type: "content_block_stop", index }),
  ];
}

/** A thinking block as the API streams it: `signature: ""` at start, the signature as one delta just before the stop. */
export function thinkingBlock(index: number, thinking: string, signature: string, chunkSize = 16): SseEvent[] {
  return [
    messagesEvent({
      type: "content_block_start",
      index,
      content_block: { type: "thinking", thinking: "", signature: "" },
    }),
    ...pieces(thinking, chunkSize).map((piece) =>
      messagesEvent({ type: "content_block_delta", index, delta: { type: "thinking_delta", thinking: piece } }),
    ),
    messagesEvent({ type: "content_block_delta", index, delta: { type: "signature_delta", signature } }),
    messagesEvent({ type: "content_block_stop", index }),
  ];
}

/** A redacted thinking block: its encrypted `data` at start, then the stop. */
export function redactedThinkingBlock(index: number, data: string): SseEvent[] {
  return [
    messagesEvent({ type: "content_block_start", index, content_block: { type: "redacted_thinking", data } }),
    messagesEvent({ type: "content_block_stop", index }),
  ];
}

/** One call of a `toolUseBlock`. */
export interface ToolUseSpec {
  id: string;
  name: string;
  /** The whole input as JSON text, streamed in `input_json_delta` pieces. */
  input: string;
}

/** How a `toolUseBlock` streams. */
export interface ToolUseBlockOptions {
  /** Characters per `input_json_delta` (default 8). */
  fragmentSize?: number;
  /** Leave the block open (no `content_block_stop`), as at `max_tokens` in the middle of a call. */
  open?: boolean;
}

/** A tool_use block as the API streams it: `input: {}` at start, an empty first delta, the JSON in pieces, stop. */
export function toolUseBlock(index: number, call: ToolUseSpec, options: ToolUseBlockOptions = {}): SseEvent[] {
  const events = [
    messagesEvent({
      type: "content_block_start",
      index,
      content_block: { type: "tool_use", id: call.id, name: call.name, input: {} },
    }),
    messagesEvent({ type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: "" } }),
  ];
  if (call.input !== "") {
    for (const piece of pieces(call.input, options.fragmentSize ?? 8)) {
      events.push(
        messagesEvent({ type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: piece } }),
      );
    }
  }
  if (!options.open) events.push(messagesEvent({ type: "content_block_stop", index }));
  return events;
}

/** `message_delta` with the stop reason and the final usage, then `message_stop`. */
export function messageEnd(stopReason: string, usage: MessagesUsage = { output_tokens: 10 }): SseEvent[] {
  return [
    messagesEvent({ type: "message_delta", delta: { stop_reason: stopReason, stop_sequence: null }, usage }),
    messagesEvent({ type: "message_stop" }),
  ];
}

/** A keep-alive `ping` event (the API sends them anywhere in a stream). */
export function ping(): SseEvent {
  return messagesEvent({ type: "ping" });
}

/** The in-stream `error` event, e.g. `overloaded_error` in the middle of a response. */
export function messagesErrorEvent(type: string, message: string): SseEvent {
  return messagesEvent({ type: "error", error: { type, message } });
}
