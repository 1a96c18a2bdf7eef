import type { SseEvent, StreamResponse } from "../types.js";
import { encryptedContentFor } from "./encrypted-reasoning.js";

/** One output item of a scripted response. */
export type ResponsesOutputSpec =
  /** A reasoning item with summary parts and the `encrypted_content` this server issues and verifies. */
  | { type: "reasoning"; id: string; summary?: string[]; rawText?: string }
  /**
   * A function call, its arguments streamed in deltas. `open: true` stops it before its done event
   * (a response cut by `response.incomplete`); `deltas: false` sends none (LM Studio).
   */
  | {
      type: "function_call";
      callId: string;
      name: string;
      arguments: string;
      id?: string;
      open?: boolean;
      deltas?: false;
    }
  /** An assistant message streamed as `output_text` deltas. */
  | { type: "message"; text: string; id?: string };

export interface ResponsesUsage {
  input_tokens: number;
  output_tokens: number;
  cached_tokens?: number;
  reasoning_tokens?: number;
}

/** How the response ends. */
export type ResponsesEnding =
  | { kind: "completed" }
  | { kind: "incomplete"; reason: "max_output_tokens" | "content_filter" }
  | { kind: "failed"; code: string; message: string }
  /** A bare `error` event (nested `error {type, code, message, param}`), then `response.failed`. */
  | { kind: "error"; code: string; message: string };

export interface ResponsesStreamOptions {
  /** Characters per argument / text delta (default 8). */
  fragmentSize?: number;
  /** `event:` lines before each `data:` line, as OpenAI sends (default true). False: OpenRouter's framing, ending with `[DONE]`. */
  eventLines?: boolean;
  /** Pause between two output items, in milliseconds: calls stream one after another. */
  itemDelayMs?: number;
  usage?: ResponsesUsage;
  ending?: ResponsesEnding;
  /** Default `resp_test_0001`. */
  responseId?: string;
  model?: string;
}

type Json = Record<string, unknown>;

function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function usageOf(usage: ResponsesUsage | undefined): Json | null {
  if (!usage) return null;
  return {
    input_tokens: usage.input_tokens,
    input_tokens_details: { cached_tokens: usage.cached_tokens ?? 0 },
    output_tokens: usage.output_tokens,
    output_tokens_details: { reasoning_tokens: usage.reasoning_tokens ?? 0 },
    total_tokens: usage.input_tokens + usage.output_tokens,
  };
}

/** The whole item as `response.output_item.done` reports it (and `response.completed` lists it). */
export function doneItem(spec: ResponsesOutputSpec, index: number): Json {
  switch (spec.type) {
    case "reasoning": {
      const summary = spec.summary ?? [];
      return {
        id: spec.id,
        type: "reasoning",
        summary: summary.map((text) => ({ type: "summary_text", text })),
        encrypted_content: encryptedContentFor(spec.id, summary),
      };
    }
    case "function_call":
      return {
        id: spec.id ?? `fc_test_${index}`,
        type: "function_call",
        status: "completed",
        arguments: spec.arguments,
        call_id: spec.callId,
        name: spec.name,
      };
    default:
      return {
        id: spec.id ?? `msg_test_${index}`,
        type: "message",
        status: "completed",
        role: "assistant",
        content: [{ type: "output_text", annotations: [], text: spec.text }],
      };
  }
}

function itemEvents(spec: ResponsesOutputSpec, index: number, size: number): Json[] {
  const done = doneItem(spec, index);
  const id = done.id as string;
  const base = { item_id: id, output_index: index };
  switch (spec.type) {
    case "reasoning": {
      // The added copy holds only part of the encrypted content: clients must take the done one.
      const encrypted = done.encrypted_content as string;
      const added = { ...done, summary: [], encrypted_content: encrypted.slice(0, encrypted.length >> 1) };
      const events: Json[] = [{ type: "response.output_item.added", output_index: index, item: added }];
      for (const [summaryIndex, text] of (spec.summary ?? []).entries()) {
        events.push({ type: "response.reasoning_summary_part.added", ...base, summary_index: summaryIndex });
        for (const delta of pieces(text, size)) {
          events.push({ type: "response.reasoning_summary_text.delta", ...base, summary_index: summaryIndex, delta });
        }
        events.push({ type: "response.reasoning_summary_text.done", ...base, summary_index: summaryIndex, text });
      }
      for (const delta of pieces(spec.rawText ?? "", size)) {
        events.push({ type: "response.reasoning_text.delta", ...base, content_index: 0, delta });
      }
      events.push({ type: "response.output_item.done", output_index: index, item: done });
      return events;
    }
    case "function_call": {
      const events: Json[] = [
        {
          type: "response.output_item.added",
          output_index: index,
          item: { ...done, status: "in_progress", arguments: "" },
        },
      ];
      const deltas = spec.deltas === false ? [] : pieces(spec.arguments, size);
      // An open call stops half way: no arguments.done, no output_item.done.
      for (const delta of spec.open ? deltas.slice(0, Math.max(1, deltas.length >> 1)) : deltas) {
        events.push({ type: "response.function_call_arguments.delta", ...base, delta });
      }
      if (spec.open) return events;
      events.push({ type: "response.function_call_arguments.done", ...base, arguments: spec.arguments });
      events.push({ type: "response.output_item.done", output_index: index, item: done });
      return events;
    }
    default:
      return [
        {
          type: "response.output_item.added",
          output_index: index,
          item: { ...done, status: "in_progress", content: [] },
        },
        ...pieces(spec.text, size).map((delta) => ({
          type: "response.output_text.delta",
          ...base,
          content_index: 0,
          delta,
        })),
        { type: "response.output_text.done", ...base, content_index: 0, text: spec.text },
        { type: "response.output_item.done", output_index: index, item: done },
      ];
  }
}

function endingEvents(ending: ResponsesEnding, response: Json): Json[] {
  switch (ending.kind) {
    case "completed":
      return [{ type: "response.completed", response: { ...response, status: "completed" } }];
    case "incomplete":
      return [
        {
          type: "response.incomplete",
          response: { ...response, status: "incomplete", incomplete_details: { reason: ending.reason } },
        },
      ];
    case "failed":
      return [
        {
          type: "response.failed",
          response: { ...response, status: "failed", error: { code: ending.code, message: ending.message } },
        },
      ];
    default:
      return [
        {
          type: "error",
          error: { type: "invalid_request_error", code: ending.code, message: ending.message, param: null },
        },
        {
          type: "response.failed",
          response: { ...response, status: "failed", error: { code: ending.code, message: ending.message } },
        },
      ];
  }
}

/**
 * A Responses stream as OpenAI sends it: `response.created`, `response.in_progress`, each output
 * item (added, its deltas, its done events), then the ending (`response.completed` by default),
 * every event with its `sequence_number`, framed with `event:` lines (or OpenRouter's way).
 */
export function responsesStream(output: ResponsesOutputSpec[], options: ResponsesStreamOptions = {}): StreamResponse {
  const size = Math.max(1, options.fragmentSize ?? 8);
  const response: Json = {
    id: options.responseId ?? "resp_test_0001",
    object: "response",
    created_at: 1_700_000_000,
    model: options.model ?? "gpt-5.1",
    status: "in_progress",
    output: [],
    usage: null,
  };
  const finalOutput = output.filter((spec) => spec.type !== "function_call" || !spec.open).map(doneItem);
  const closing = { ...response, output: finalOutput, usage: usageOf(options.usage) };
  const groups: Json[][] = [
    [
      { type: "response.created", response },
      { type: "response.in_progress", response },
    ],
    ...output.map((spec, index) => itemEvents(spec, index, size)),
    endingEvents(options.ending ?? { kind: "completed" }, closing),
  ];
  const eventLines = options.eventLines ?? true;
  const events: SseEvent[] = [];
  let sequence = 0;
  for (const [g, group] of groups.entries()) {
    if (g > 1 && g < groups.length - 1 && options.itemDelayMs) events.push({ delayMs: options.itemDelayMs });
    for (const payload of group) {
      const data: Json = { ...payload, sequence_number: sequence++ };
      events.push(eventLines ? { raw: `event: ${String(data.type)}\ndata: ${JSON.stringify(data)}\n\n` } : { data });
    }
  }
  return { kind: "stream", events, done: !eventLines };
}
