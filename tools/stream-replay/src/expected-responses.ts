import type { StreamSummary, UsageSummary } from "./summary.js";

// A Responses recording's summary, computed straight from its events (independently of the
// handler): the done items are authoritative; deltas count only for items that never got done.

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

function parsed(args: string): unknown {
  try {
    return JSON.parse(args === "" ? "{}" : args);
  } catch {
    return args;
  }
}

function usageOf(response: Json | undefined): UsageSummary | undefined {
  const usage = obj(response?.usage);
  if (!usage) return undefined;
  const summary: UsageSummary = {
    inputTokens: num(usage.input_tokens) ?? 0,
    outputTokens: num(usage.output_tokens) ?? 0,
  };
  const reasoning = num(obj(usage.output_tokens_details)?.reasoning_tokens);
  if (reasoning !== undefined) summary.reasoningTokens = reasoning;
  const cached = num(obj(usage.input_tokens_details)?.cached_tokens);
  if (cached !== undefined) summary.cacheReadTokens = cached;
  return summary;
}

interface ItemText {
  type: string;
  done?: Json;
  deltas: string[];
  summaryDeltas: Map<number, string[]>;
  raw: string[];
}

const TERMINAL = new Set(["response.completed", "response.incomplete", "response.failed", "error"]);

/** What a Responses stream holds: calls done, text, reasoning (summaries, then raw text), usage, failure. */
export function expectedOfResponses(lines: readonly string[]): StreamSummary {
  const items = new Map<number, ItemText>();
  const item = (index: unknown, type = ""): ItemText => {
    const at = num(index) ?? -1;
    let found = items.get(at);
    if (!found) {
      found = { type, deltas: [], summaryDeltas: new Map(), raw: [] };
      items.set(at, found);
    }
    if (type !== "") found.type = type;
    return found;
  };
  let terminal: Json | undefined;
  for (const line of lines) {
    let event: Json | undefined;
    try {
      event = obj(JSON.parse(line));
    } catch {
      event = undefined;
    }
    if (!event || terminal) continue;
    const type = str(event.type);
    if (TERMINAL.has(type)) {
      terminal = event;
      continue;
    }
    if (type === "response.output_item.added") item(event.output_index, str(obj(event.item)?.type));
    if (type === "response.output_item.done") {
      const done = obj(event.item) ?? {};
      item(event.output_index, str(done.type)).done = done;
    }
    if (type === "response.output_text.delta" || type === "response.refusal.delta")
      item(event.output_index).deltas.push(str(event.delta));
    if (type === "response.reasoning_summary_text.delta") {
      const target = item(event.output_index).summaryDeltas;
      const part = num(event.summary_index) ?? 0;
      target.set(part, [...(target.get(part) ?? []), str(event.delta)]);
    }
    if (type === "response.reasoning_text.delta") item(event.output_index).raw.push(str(event.delta));
  }
  const summary: StreamSummary = {
    text: "",
    reasoning: "",
    calls: [],
    failed: str(terminal?.type) !== "response.completed",
  };
  for (const [, it] of [...items.entries()].sort((a, b) => a[0] - b[0])) {
    const done = it.done;
    if (it.type === "function_call" && done) {
      summary.calls.push({ name: str(done.name), arguments: parsed(str(done.arguments)) });
    } else if (it.type === "message") {
      const parts = Array.isArray(done?.content) ? (done.content as unknown[]).map(obj) : undefined;
      summary.text += parts
        ? parts
            .map((part) =>
              part?.type === "output_text" || part?.type === "refusal" ? str(part.text ?? part.refusal) : "",
            )
            .join("")
        : it.deltas.join("");
    } else if (it.type === "reasoning") {
      const doneSummary = Array.isArray(done?.summary)
        ? (done.summary as unknown[]).map((part) => str(obj(part)?.text))
        : undefined;
      const summaries =
        doneSummary ?? [...it.summaryDeltas.entries()].sort((a, b) => a[0] - b[0]).map(([, d]) => d.join(""));
      const rawDone = Array.isArray(done?.content)
        ? (done.content as unknown[]).map((part) => str(obj(part)?.text)).join("")
        : "";
      summary.reasoning += [...summaries, it.raw.join("") || rawDone].filter((text) => text !== "").join("\n\n");
    }
  }
  const usage = usageOf(obj(terminal?.response));
  if (usage) summary.usage = usage;
  return summary;
}
