import { chunk } from "./chunks.js";
import { PromptCache } from "./prompt-cache.js";
import { type StrictRule, strictRuleFor, thoughtSignatureFor } from "./strict-rules.js";
import type { RecordedRequest, ScriptedResponse, ScriptHandler, SseEvent } from "./types.js";

/** The strict models this server plays, each enforcing its real API's history rule (400 otherwise). */
export const STRICT_MODELS = {
  /** Google's OpenAI-compatible endpoint: signature on the first call's `extra_content`. */
  "gemini-3-pro-preview": { route: "direct", rule: "gemini-signatures" },
  /** OpenRouter: signature as a `reasoning.encrypted` detail tied to the first call. */
  "google/gemini-3-pro-preview": { route: "openrouter", rule: "openrouter-gemini-details" },
  /** DeepSeek's API in thinking mode: streams `reasoning_content`, wants it back after tool calls. */
  "deepseek-v4": { route: "direct", rule: "reasoning-content" },
  /** Mistral's API: issues 9-character ids and accepts no other shape. */
  "mistral-large-latest": { route: "direct", rule: "mistral-ids" },
  /** Mistral via OpenRouter: the same id rule. */
  "mistralai/devstral-medium": { route: "openrouter", rule: "mistral-ids" },
  /** Claude via OpenRouter: reports prompt-cache reads when the request has `cache_control` breakpoints. */
  "anthropic/claude-sonnet-4.5": { route: "openrouter", rule: "anthropic-cache" },
} as const satisfies Record<string, { route: "direct" | "openrouter"; rule: StrictRule }>;

export type StrictModelId = keyof typeof STRICT_MODELS;

export function isStrictModelId(id: unknown): id is StrictModelId {
  return typeof id === "string" && Object.hasOwn(STRICT_MODELS, id);
}

type Json = Record<string, unknown>;

interface StreamedCall {
  id: string;
  name: string;
  args: string;
  /** The event and the tool_calls entry that carried the call's id (its header). */
  header: Json;
  headerEvent: { data: Json };
}

function deltaOf(event: SseEvent): Json | undefined {
  if (!("data" in event)) return undefined;
  const choices = (event.data as Json).choices;
  const first = Array.isArray(choices) ? (choices[0] as Json | undefined) : undefined;
  return first && typeof first.delta === "object" ? (first.delta as Json) : undefined;
}

/** The calls of a scripted stream, in order, with their whole arguments (entries keyed by index). */
function streamedCalls(events: SseEvent[]): StreamedCall[] {
  const calls: StreamedCall[] = [];
  const byIndex = new Map<unknown, StreamedCall>();
  for (const event of events) {
    for (const entry of (deltaOf(event)?.tool_calls as Json[] | undefined) ?? []) {
      const fn = (entry.function ?? {}) as Json;
      let call = byIndex.get(entry.index);
      if (typeof entry.id === "string" && entry.id !== "") {
        call = { id: entry.id, name: "", args: "", header: entry, headerEvent: event as { data: Json } };
        byIndex.set(entry.index, call);
        calls.push(call);
      }
      if (!call) continue;
      if (typeof fn.name === "string" && fn.name !== "") call.name = fn.name;
      if (typeof fn.arguments === "string") call.args += fn.arguments;
    }
  }
  return calls;
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Mistral-style id: 9 alphanumerics, derived from the scripted id so that answers stay deterministic. */
function mistralId(id: string): string {
  let out = "";
  for (let i = 0; i < 9; i++) {
    let hash = 0x811c9dc5 ^ i;
    for (let c = 0; c < id.length; c++) hash = Math.imul(hash ^ id.charCodeAt(c), 0x01000193);
    out += BASE62[(hash >>> 0) % 62];
  }
  return out;
}

const clone = <T>(value: T): T => structuredClone(value);

/** Adds what the strict model's real API streams besides the calls (signatures, reasoning, ids). */
function decorate(rule: StrictRule, events: SseEvent[]): SseEvent[] {
  const out = clone(events);
  const calls = streamedCalls(out);
  const first = calls[0];
  switch (rule) {
    case "gemini-signatures":
      // In a parallel batch only the first call is signed.
      if (first)
        first.header.extra_content = { google: { thought_signature: thoughtSignatureFor(first.name, first.args) } };
      return out;
    case "openrouter-gemini-details": {
      const thinking: SseEvent = {
        data: chunk({
          reasoning: "Planning the tool calls.",
          reasoning_details: [
            { type: "reasoning.text", text: "Planning the tool calls.", format: "google-gemini-v1", index: 0 },
          ],
        }),
      };
      if (first) {
        const delta = deltaOf(first.headerEvent) as Json;
        delta.reasoning_details = [
          {
            type: "reasoning.encrypted",
            id: first.id,
            data: thoughtSignatureFor(first.name, first.args),
            format: "google-gemini-v1",
            index: 1,
          },
        ];
      }
      return [thinking, ...out];
    }
    case "reasoning-content":
      return [
        { data: chunk({ reasoning_content: "Planning " }) },
        { data: chunk({ reasoning_content: "the tool calls." }) },
        ...out,
      ];
    case "mistral-ids":
      for (const call of calls) call.header.id = mistralId(call.id);
      return out;
    default:
      return out;
  }
}

/**
 * Plays `inner` (any scripted model) as the strict model `modelId`: its streams gain what the real
 * API adds (thought signatures, reasoning, Mistral ids), and Claude's usage reports prompt-cache
 * reads and writes computed from the request's `cache_control` breakpoints. Requests that break the
 * model's history rule never get here: the server's validation answers 400 first.
 */
export function strictModel(inner: ScriptHandler): ScriptHandler {
  const cache = new PromptCache();
  return async (request: RecordedRequest): Promise<ScriptedResponse> => {
    const response = await inner(request);
    const rule = strictRuleFor(request.body?.model);
    if (response.kind !== "stream" || rule === undefined) return response;
    const events = decorate(rule, response.events);
    if (rule === "anthropic-cache") {
      const details = cache.use(Array.isArray(request.body?.messages) ? request.body.messages : []);
      for (const event of events) {
        const usage = "data" in event ? ((event.data as Json).usage as Json | undefined) : undefined;
        if (usage) usage.prompt_tokens_details = { ...(usage.prompt_tokens_details as Json), ...details };
      }
    }
    return { ...response, events };
  };
}
