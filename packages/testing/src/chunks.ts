import type { SseEvent } from "./types.js";

// Fixed defaults keep the builders pure: the same input always gives the same chunk.
const DEFAULT_ID = "gen-test-0001";
const DEFAULT_MODEL = "test/model";
const DEFAULT_CREATED = 1_700_000_000;

export interface ChunkMeta {
  id?: string;
  model?: string;
  provider?: string;
  created?: number;
}

export interface ToolCallDelta {
  index: number;
  id?: string;
  type?: "function";
  function?: { name?: string; arguments?: string };
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number; [key: string]: unknown };
  completion_tokens_details?: { reasoning_tokens?: number; [key: string]: unknown };
  /** OpenRouter: credits charged. */
  cost?: number;
  is_byok?: boolean;
  cost_details?: { upstream_inference_cost?: number | null; [key: string]: unknown };
  [key: string]: unknown;
}

export interface ChunkInput extends ChunkMeta {
  content?: string | null;
  reasoning?: string | null;
  /** DeepSeek / Kimi thinking mode's field for reasoning text. */
  reasoning_content?: string | null;
  reasoning_details?: object[];
  tool_calls?: ToolCallDelta[];
  finish_reason?: string | null;
  usage?: Usage;
}

function envelope(meta: ChunkMeta) {
  return {
    id: meta.id ?? DEFAULT_ID,
    ...(meta.provider === undefined ? {} : { provider: meta.provider }),
    model: meta.model ?? DEFAULT_MODEL,
    object: "chat.completion.chunk" as const,
    created: meta.created ?? DEFAULT_CREATED,
  };
}

function withTotal(usage: Usage): Usage {
  return { ...usage, total_tokens: usage.total_tokens ?? usage.prompt_tokens + usage.completion_tokens };
}

/** A `chat.completion.chunk` with one choice whose delta holds exactly the given fields. */
export function chunk(input: ChunkInput = {}) {
  const delta: Record<string, unknown> = { role: "assistant" };
  if (input.content !== undefined) delta.content = input.content;
  if (input.reasoning !== undefined) delta.reasoning = input.reasoning;
  if (input.reasoning_content !== undefined) delta.reasoning_content = input.reasoning_content;
  if (input.reasoning_details !== undefined) delta.reasoning_details = input.reasoning_details;
  if (input.tool_calls !== undefined) delta.tool_calls = input.tool_calls;
  const finishReason = input.finish_reason ?? null;
  return {
    ...envelope(input),
    choices: [{ index: 0, delta, finish_reason: finishReason, native_finish_reason: finishReason, logprobs: null }],
    ...(input.usage === undefined ? {} : { usage: withTotal(input.usage) }),
  };
}

/** The trailing usage chunk (`choices: []`) sent when `stream_options.include_usage` is on. */
export function usageChunk(usage: Usage, meta: ChunkMeta = {}) {
  return { ...envelope(meta), choices: [], usage: withTotal(usage) };
}

export interface ErrorChunkInput extends ChunkMeta {
  code: string | number;
  message: string;
  metadata?: object;
  /** OpenRouter reports what the failed request used (tokens, `cost`) on the error chunk itself. */
  usage?: Usage;
}

/** OpenRouter's mid-stream failure: top-level `error` plus a choice finishing with `error`, on HTTP 200. */
export function errorChunk(input: ErrorChunkInput) {
  return {
    ...envelope(input),
    error: {
      code: input.code,
      message: input.message,
      ...(input.metadata === undefined ? {} : { metadata: input.metadata }),
    },
    choices: [
      { index: 0, delta: { role: "assistant", content: "" }, finish_reason: "error", native_finish_reason: "error" },
    ],
    ...(input.usage === undefined ? {} : { usage: withTotal(input.usage) }),
  };
}

export interface ToolCallSpec {
  id: string;
  name: string;
  arguments: string;
}

export interface ToolCallChunksOptions extends ChunkMeta {
  /** Characters of `arguments` per delta (default 8). */
  fragmentSize?: number;
  /** `index` of the first call (default 0); OpenRouter→GPT-5 starts at 1 after a text block. */
  startIndex?: number;
}

/**
 * Streams calls one after another the way OpenAI does: a header delta carrying id, name, type and
 * `arguments: ""`, then argument fragments keyed only by `index`.
 */
export function toolCallChunks(calls: ToolCallSpec[], opts: ToolCallChunksOptions = {}): SseEvent[] {
  const size = opts.fragmentSize ?? 8;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`fragmentSize must be a positive integer, got ${size}`);
  const start = opts.startIndex ?? 0;
  const meta: ChunkMeta = { id: opts.id, model: opts.model, provider: opts.provider, created: opts.created };
  const events: SseEvent[] = [];
  calls.forEach((call, i) => {
    const index = start + i;
    events.push({
      data: chunk({
        ...meta,
        tool_calls: [{ index, id: call.id, type: "function", function: { name: call.name, arguments: "" } }],
      }),
    });
    for (let at = 0; at < call.arguments.length; at += size) {
      const fragment = call.arguments.slice(at, at + size);
      events.push({ data: chunk({ ...meta, tool_calls: [{ index, function: { arguments: fragment } }] }) });
    }
  });
  return events;
}
