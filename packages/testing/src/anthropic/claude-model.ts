import { PromptCache } from "../prompt-cache.js";
import type { RecordedRequest, ScriptedResponse, ScriptHandler, SseEvent } from "../types.js";
import { chatViewOf } from "./chat-view.js";
import { thinkingSignatureFor } from "./signatures.js";
import { messageEnd, messageStart, textBlock, thinkingBlock, toolUseBlock } from "./sse-events.js";

type Json = Record<string, unknown>;

/** How `claudeModel` streams. */
export interface ClaudeModelOptions {
  /** Characters per `input_json_delta` (default 8). */
  fragmentSize?: number;
}

const STOP_REASONS: Record<string, string> = { tool_calls: "tool_use", stop: "end_turn", length: "max_tokens" };

/** What a scripted chat stream said, in order: text, calls (by index), finish reason, usage. */
interface ChatTurn {
  text: string;
  calls: Array<{ id: string; name: string; args: string }>;
  finish: string;
  outputTokens: number;
}

function readChatStream(events: SseEvent[]): ChatTurn {
  const turn: ChatTurn = { text: "", calls: [], finish: "stop", outputTokens: 0 };
  const byIndex = new Map<unknown, ChatTurn["calls"][number]>();
  for (const event of events) {
    if (!("data" in event)) continue;
    const data = event.data as Json;
    const usage = data.usage as Json | undefined;
    if (usage && typeof usage.completion_tokens === "number") turn.outputTokens = usage.completion_tokens;
    const choice = (Array.isArray(data.choices) ? data.choices[0] : undefined) as Json | undefined;
    const delta = (choice?.delta ?? {}) as Json;
    if (typeof delta.content === "string") turn.text += delta.content;
    for (const entry of (delta.tool_calls as Json[] | undefined) ?? []) {
      const fn = (entry.function ?? {}) as Json;
      let call = byIndex.get(entry.index);
      if (typeof entry.id === "string" && entry.id !== "") {
        call = { id: entry.id, name: "", args: "" };
        byIndex.set(entry.index, call);
        turn.calls.push(call);
      }
      if (!call) continue;
      if (typeof fn.name === "string" && fn.name !== "") call.name = fn.name;
      if (typeof fn.arguments === "string") call.args += fn.arguments;
    }
    if (typeof choice?.finish_reason === "string") turn.finish = choice.finish_reason;
  }
  return turn;
}

/** Anthropic-style tool_use ids derived from the scripted ones, valid for `^[a-zA-Z0-9_-]+$`. */
function toolUseId(id: string): string {
  return `toolu_${id.replace(/[^a-zA-Z0-9_-]/g, "_")}`;
}

function thinkingText(turn: ChatTurn): string {
  if (turn.calls.length === 0) return "The results are in; time to write the answer.";
  const names = turn.calls.map((call) => call.name).join(", ");
  return `I need ${turn.calls.length} tool call${turn.calls.length > 1 ? "s" : ""} (${names}) before answering.`;
}

function estimateTokens(value: unknown): number {
  return Math.ceil(JSON.stringify(value ?? "").length / 4);
}

/**
 * A Claude-like model on `/v1/messages`: `inner`, any scripted Chat Completions model of this
 * server, answers the request's chat view (`chatViewOf`: one call per turn when
 * `disable_parallel_tool_use` is true), and its answer is streamed the way the Messages API does: a
 * signed thinking block first when the request enables thinking, then text, then one tool_use block
 * per call (the pacing of `inner`'s stream applies between events, so a client can start a tool
 * before the next block ends), `message_delta` and `message_stop`. Usage reports prompt-cache reads
 * and writes from the request's `cache_control` breakpoints (20-block lookback), apart from
 * `input_tokens` as the API does.
 */
export function claudeModel(inner: ScriptHandler, options: ClaudeModelOptions = {}): ScriptHandler {
  const cache = new PromptCache();
  return async (request: RecordedRequest): Promise<ScriptedResponse> => {
    const response = await inner(chatViewOf(request));
    if (response.kind !== "stream") return response;
    const body = (request.body ?? {}) as Json;
    const turn = readChatStream(response.events);
    const system = Array.isArray(body.system) ? body.system : [];
    const messages = Array.isArray(body.messages) ? body.messages : [];
    const cached = cache.use([{ role: "system", content: system }, ...messages]);
    const prompt = estimateTokens(system) + estimateTokens(messages) + estimateTokens(body.tools);
    const write = cached.cache_write_tokens;
    const read = cached.cached_tokens;
    const usage = {
      input_tokens: Math.max(1, prompt - read - write),
      cache_creation_input_tokens: write,
      cache_read_input_tokens: read,
    };
    const events: SseEvent[] = [
      messageStart({ model: String(body.model ?? "claude"), usage: { ...usage, output_tokens: 1 } }),
    ];
    let index = 0;
    const thinkingOn = typeof body.thinking === "object" && (body.thinking as Json | null)?.type === "enabled";
    if (thinkingOn) {
      const thinking = thinkingText(turn);
      events.push(...thinkingBlock(index++, thinking, thinkingSignatureFor(thinking)));
    }
    if (turn.text !== "") events.push(...textBlock(index++, turn.text, 48));
    for (const call of turn.calls) {
      const input = call.args.trim() === "" ? "{}" : call.args;
      events.push(
        ...toolUseBlock(
          index++,
          { id: toolUseId(call.id), name: call.name, input },
          { fragmentSize: options.fragmentSize ?? 8 },
        ),
      );
    }
    const stop = turn.calls.length > 0 ? "tool_use" : (STOP_REASONS[turn.finish] ?? "end_turn");
    events.push(...messageEnd(stop, { ...usage, output_tokens: Math.max(1, turn.outputTokens) }));
    return {
      kind: "stream",
      events,
      done: false,
      ...(response.pacingMs === undefined ? {} : { pacingMs: response.pacingMs }),
    };
  };
}
