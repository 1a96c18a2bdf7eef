import type { StreamSummary, UsageSummary } from "./summary.js";

// Computed straight from the recorded JSON lines, independently of the handlers' code, so that a
// replay compares the handlers against the recording itself.

type Json = Record<string, unknown>;

function obj(value: unknown): Json | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** Readable text of a `thinking` value: a string or a list of `{text}` parts. */
function thinkingOf(value: unknown): string {
  if (typeof value === "string") return value;
  return Array.isArray(value) ? value.map((part) => str(obj(part)?.text)).join("") : "";
}

function usageOf(usage: Json, openRouter: boolean): UsageSummary {
  const prompt = num(usage.prompt_tokens) ?? 0;
  const total = num(usage.total_tokens);
  // One meaning of output tokens: everything generated after the prompt, reasoning included.
  const output = total !== undefined && total >= prompt ? total - prompt : (num(usage.completion_tokens) ?? 0);
  const summary: UsageSummary = { inputTokens: prompt, outputTokens: output };
  const reasoning = num(obj(usage.completion_tokens_details)?.reasoning_tokens);
  if (reasoning !== undefined) summary.reasoningTokens = reasoning;
  const cached = num(obj(usage.prompt_tokens_details)?.cached_tokens);
  if (cached !== undefined) summary.cacheReadTokens = cached;
  const cost = num(usage.cost);
  if (openRouter && cost !== undefined) {
    summary.totalCost = cost + (num(obj(usage.cost_details)?.upstream_inference_cost) ?? 0);
  }
  return summary;
}

function argumentsOf(raw: string): unknown {
  if (raw.trim() === "") return {};
  try {
    return JSON.parse(raw);
  } catch {
    // Bedrock via OpenRouter sends `{}` first, then the real arguments.
    if (raw.startsWith("{}")) return argumentsOf(raw.slice(2));
    return raw;
  }
}

/** Moves a reply's leading `<think>…</think>` to reasoning, the documented handler behaviour. */
function splitThink(text: string): { text: string; reasoning: string } {
  const match = /^\s*<think>([\s\S]*?)(?:<\/think>\s*|$)/.exec(text);
  if (!match) return { text, reasoning: "" };
  return { text: text.slice(match[0].length), reasoning: match[1] ?? "" };
}

export function expectedOf(lines: readonly string[], openRouter: boolean): StreamSummary {
  let text = "";
  let reasoning = "";
  let failed = false;
  let usage: Json | undefined;
  const calls: Array<{ id: string; name: string; args: string }> = [];
  const byIndex = new Map<number, (typeof calls)[number]>();

  for (const line of lines) {
    let chunk: Json | undefined;
    try {
      chunk = obj(JSON.parse(line));
    } catch {
      failed = true;
      break;
    }
    if (!chunk) continue;
    if (obj(chunk.usage)) usage = chunk.usage as Json;
    if (chunk.error !== undefined && chunk.error !== null) {
      failed = true;
      break;
    }
    let errorFinish = false;
    for (const choice of Array.isArray(chunk.choices) ? chunk.choices : []) {
      const delta = obj(obj(choice)?.delta) ?? {};
      const details = Array.isArray(delta.reasoning_details) ? delta.reasoning_details.map(obj) : [];
      const detailText = details.map((d) => str(d?.text) || str(d?.summary)).join("");
      reasoning += details.length > 0 ? detailText : str(delta.reasoning) || str(delta.reasoning_content);
      for (const raw of Array.isArray(delta.tool_calls) ? delta.tool_calls : []) {
        const fragment = obj(raw) ?? {};
        const fn = obj(fragment.function) ?? {};
        const id = fragment.id === null || fragment.id === undefined ? "" : String(fragment.id);
        const index = num(fragment.index);
        let call = id !== "" ? calls.find((c) => c.id === id) : undefined;
        if (!call && id === "") call = (index !== undefined ? byIndex.get(index) : undefined) ?? calls.at(-1);
        if (!call) {
          call = { id, name: "", args: "" };
          calls.push(call);
        }
        if (index !== undefined) byIndex.set(index, call);
        if (str(fn.name) !== "") call.name = str(fn.name);
        call.args += typeof fn.arguments === "string" ? fn.arguments : fn.arguments ? JSON.stringify(fn.arguments) : "";
      }
      if (typeof delta.content === "string") text += delta.content;
      else if (Array.isArray(delta.content)) {
        for (const part of delta.content.map(obj)) {
          if (part?.type === "thinking" || part?.type === "reasoning")
            reasoning += thinkingOf(part.thinking ?? part.text);
          else text += str(part?.text);
        }
      }
      const finish = obj(choice)?.finish_reason;
      if (finish === "length" || finish === "content_filter") failed = true;
      if (finish === "error") errorFinish = true;
    }
    if (errorFinish) {
      failed = true;
      break;
    }
  }
  const think = splitThink(text);
  const summary: StreamSummary = {
    text: think.text,
    reasoning: reasoning + think.reasoning,
    calls: calls.filter((c) => c.name !== "").map((c) => ({ name: c.name, arguments: argumentsOf(c.args) })),
    failed,
  };
  if (usage) summary.usage = usageOf(usage, openRouter);
  return summary;
}
