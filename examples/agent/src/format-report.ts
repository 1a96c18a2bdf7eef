import type { ToolLoopEvent, ToolLoopTurnSummary } from "@parallel-tool-calls/sequential-executor";
import type { AgentRunResult } from "./agent-loop.js";

export interface RunInfo {
  provider: string;
  model: string;
  baseUrl: string;
  parallelToolCalls: boolean;
  workspace: string;
  task: string;
  wallMs: number;
}

/** A short description of a call's arguments for humans: the path or pattern when there is one. */
export function describeInput(value: unknown): string {
  if (typeof value !== "object" || value === null) return "";
  const input = value as Record<string, unknown>;
  if (typeof input.regex === "string")
    return `/${input.regex}/${typeof input.path === "string" ? ` in ${input.path}` : ""}`;
  if (typeof input.path === "string") return input.path;
  const json = JSON.stringify(input);
  return json === "{}" ? "" : json.length > 60 ? `${json.slice(0, 59)}…` : json;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function ms(value: number): string {
  return `${value.toFixed(1).padStart(8)} ms`;
}

function oneLine(text: string, max = 100): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function turnLine(t: ToolLoopTurnSummary): string {
  const calls = plural(t.toolCalls.length, "tool call");
  const failed = t.toolCalls.filter((c) => c.isError).length;
  return (
    `turn ${t.turn}: ${t.status} · ${calls}${failed > 0 ? ` (${failed} failed)` : ""} · ` +
    `${t.usage.inputTokens} prompt + ${t.usage.outputTokens} completion tokens · ${t.durationMs.toFixed(1)} ms` +
    (t.error ? ` · ${t.error.message}` : "")
  );
}

/**
 * Live progress, one line per step, for a person watching: requests, each call as it completes in
 * the stream, starts and finishes (noting when a tool starts while the response is still streaming).
 */
export function createProgressPrinter(write: (line: string) => void): (event: ToolLoopEvent) => void {
  const inputs = new Map<string, string>();
  let text = "";
  let streaming = false;
  let calls = 0;
  let failed = 0;
  let promptTokens = 0;
  let completionTokens = 0;
  const flushText = (turn: number) => {
    if (text.trim() !== "") write(`  [turn ${turn}] model says: ${oneLine(text)}`);
    text = "";
  };
  return (event) => {
    switch (event.type) {
      case "request":
        streaming = true;
        calls = failed = promptTokens = completionTokens = 0;
        write(`▸ turn ${event.turn}: request sent`);
        break;
      case "retry":
        write(`  ↻ ${retryLine(event)}`);
        break;
      case "text":
        text += event.text;
        break;
      case "call_streaming":
        flushText(event.turn);
        break;
      case "call_complete":
        calls++;
        inputs.set(event.toolCallId, describeInput(event.input));
        write(
          `  · ${event.name} ${inputs.get(event.toolCallId)}: call complete in the stream at ${event.at.toFixed(1)} ms`,
        );
        break;
      case "tool_started":
        write(
          `  ▶ ${event.name} ${inputs.get(event.toolCallId) ?? ""}: started at ${event.at.toFixed(1)} ms` +
            (streaming ? " (response still streaming)" : ""),
        );
        break;
      case "tool_result": {
        const { result } = event;
        if (result.isError) failed++;
        write(
          `  ${result.isError ? "✗" : "✓"} ${event.name} ${inputs.get(event.toolCallId) ?? ""}: ${result.status}, ` +
            `${result.content.length} chars${result.isError ? ` · ${oneLine(result.content, 80)}` : ""}`,
        );
        break;
      }
      case "usage":
        promptTokens += event.usage.inputTokens;
        completionTokens += event.usage.outputTokens;
        break;
      case "stream_end":
        streaming = false;
        flushText(event.turn);
        write(
          `  ▪ response ended at ${event.at.toFixed(1)} ms${event.error ? ` with an error: ${event.error.message}` : ""}`,
        );
        break;
      case "tool_abandoned":
        write(`  ! ${event.name} ${inputs.get(event.toolCallId) ?? ""}: still running after the abort, not awaited`);
        break;
      case "turn_end":
        write(
          `  turn ${event.turn}: ${event.status} · ${plural(calls, "tool call")}${failed > 0 ? ` (${failed} failed)` : ""} · ` +
            `${promptTokens} prompt + ${completionTokens} completion tokens`,
        );
        break;
    }
  };
}

/** "retrying in 3 s, attempt 2 of 3 (OpenRouter error 503: …)" for a `retry` event. */
function retryLine(event: Extract<ToolLoopEvent, { type: "retry" }>): string {
  const seconds = Number((event.delayMs / 1000).toFixed(1));
  return `retrying in ${seconds} s, attempt ${event.attempt} of ${event.maxAttempts} (${oneLine(event.reason.message, 80)})`;
}

function timelineLine(event: ToolLoopEvent, inputs: Map<string, string>): string | undefined {
  const at = ms(event.at);
  const turn = `turn ${event.turn}`;
  switch (event.type) {
    case "request":
      return `${at}  ${turn}  request sent`;
    case "retry":
      return `${at}  ${turn}  ${retryLine(event)}`;
    case "call_complete":
      return `${at}  ${turn}  ${event.name} ${inputs.get(event.toolCallId)}  complete in stream`;
    case "tool_started":
      return `${at}  ${turn}  ${event.name} ${inputs.get(event.toolCallId)}  started`;
    case "tool_result":
      return `${at}  ${turn}  ${event.name} ${inputs.get(event.toolCallId)}  finished (${event.result.status})`;
    case "stream_end":
      return `${at}  ${turn}  response ended${event.error ? ` (${event.error.message})` : ""}`;
    default:
      return undefined;
  }
}

/** The human report printed after the run: per-turn summary, timeline, final answer, totals. */
export function formatReport(result: AgentRunResult, info: RunInfo): string {
  const inputs = new Map<string, string>();
  for (const event of result.events)
    if (event.type === "call_complete") inputs.set(event.toolCallId, describeInput(event.input));
  const timeline = result.events.flatMap((e) => timelineLine(e, inputs) ?? []);
  const lines = [
    "",
    "Per turn:",
    ...result.turns.map((t) => `  ${turnLine(t)}`),
    "",
    "Execution timeline (ms since start; tools run one at a time, in call order):",
    ...timeline.map((l) => `  ${l}`),
    "",
    "Final answer:",
    ...(result.finalText.trim() === "" ? ["  (none)"] : result.finalText.split("\n").map((l) => `  ${l}`)),
    "",
    `${result.status} · ${plural(result.requests, "model request")} · ${plural(result.toolCalls, "tool call")} · ` +
      `${result.usage.inputTokens} prompt + ${result.usage.outputTokens} completion tokens · ` +
      `${info.wallMs.toFixed(0)} ms · parallel_tool_calls ${info.parallelToolCalls ? "on" : "off"} · ` +
      `${info.provider} ${info.model}`,
  ];
  return lines.join("\n");
}

/** The `--json` report: everything a script needs, no secrets. */
export function jsonReport(result: AgentRunResult, info: RunInfo, error?: string) {
  return {
    status: result.status,
    ...(error === undefined ? {} : { error }),
    provider: info.provider,
    model: info.model,
    baseUrl: info.baseUrl,
    parallelToolCalls: info.parallelToolCalls,
    task: info.task,
    requests: result.requests,
    toolCalls: result.toolCalls,
    promptTokens: result.usage.inputTokens,
    completionTokens: result.usage.outputTokens,
    wallMs: Math.round(info.wallMs * 10) / 10,
    turns: result.turns,
    timeline: result.events.flatMap((e): object[] => {
      if (e.type === "text" || e.type === "reasoning" || e.type === "turn_end" || e.type === "usage") return [];
      if (e.type !== "tool_result") return [e];
      const { result: toolResult, ...rest } = e;
      return [
        { ...rest, status: toolResult.status, isError: toolResult.isError, resultChars: toolResult.content.length },
      ];
    }),
    finalAnswer: result.finalText,
  };
}
