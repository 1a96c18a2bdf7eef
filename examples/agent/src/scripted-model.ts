import {
  chunk,
  type ScriptedResponse,
  type SseEvent,
  type ToolCallSpec,
  toolCallChunks,
  usageChunk,
} from "@parallel-tool-calls/testing";
import { mcpCallsWanted, mcpResults } from "./scripted-mcp-calls.js";

/**
 * A deterministic stand-in for a model, played by the local test server: it reads the files the
 * task names, all in one turn when the request allows parallel tool calls and one per turn otherwise,
 * then summarises what the tool results actually said.
 */
export interface ScriptedModelOptions {
  /** Characters of tool-call arguments per streamed fragment (default 6). */
  fragmentSize?: number;
  /** Pause between SSE events, to make streaming visible (default 0). */
  pacingMs?: number;
  /** Characters of text per streamed text chunk (default 48). */
  textChunkSize?: number;
}

interface ChatMessage {
  role?: string;
  content?: unknown;
  tool_call_id?: string;
  tool_calls?: Array<{ id?: string; function?: { name?: string; arguments?: string } }>;
}

const FILE_PATH = /[\w-]+(?:\/[\w.-]+)*\.[A-Za-z]+/g;

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part) => (part && typeof part === "object" && typeof part.text === "string" ? part.text : ""))
    .join("\n");
}

/** Rough token count (about four characters per token), enough to show how history size grows. */
export function estimateTokens(value: unknown): number {
  return Math.ceil(JSON.stringify(value ?? "").length / 4);
}

function requestedFiles(messages: ChatMessage[]): string[] {
  const task = messages.find((m) => m.role === "user");
  const [, list = ""] = textOf(task?.content).split(":");
  return [...new Set(list.match(FILE_PATH) ?? [])];
}

/** Path read → the tool result's text, for every read_file call that already has a result. */
function readResults(messages: ChatMessage[]): Map<string, string> {
  const pathById = new Map<string, string>();
  for (const message of messages) {
    for (const call of message.tool_calls ?? []) {
      if (call.function?.name !== "read_file" || !call.id) continue;
      try {
        const path = JSON.parse(call.function.arguments ?? "{}").path;
        if (typeof path === "string") pathById.set(call.id, path);
      } catch {
        // A call whose arguments did not parse read nothing.
      }
    }
  }
  const results = new Map<string, string>();
  for (const message of messages) {
    const path = message.role === "tool" && message.tool_call_id ? pathById.get(message.tool_call_id) : undefined;
    if (path !== undefined && !results.has(path)) results.set(path, textOf(message.content));
  }
  return results;
}

// How the executor words results of calls that failed or never ran.
const TOOL_ERROR = /^(?:Tool \[|Unknown tool|The user denied|Skipping tool|Tool execution was interrupted)/;

function describe(text: string): string {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  if (TOOL_ERROR.test(text)) return `could not be read (${lines[0]?.slice(0, 100)})`;
  const exports = [...text.matchAll(/export (?:const|function|class|interface|type) (\w+)/g)].map((m) => m[1]);
  if (exports.length > 0) return `${lines.length} lines of code exporting ${exports.join(", ")}`;
  const title = lines[0]?.replace(/^#+\s*/, "") ?? "(empty)";
  const items = lines.filter((line) => /^\s*(?:[-*]|\d+\.)\s/.test(line)).length;
  return `"${title}", ${lines.length} lines${items > 0 ? `, ${items} list items` : ""}`;
}

export function summarise(files: string[], results: Map<string, string>, mcp = new Map<string, string>()): string {
  const parts = files.map((file) => `- ${file}: ${describe(results.get(file) ?? "")}`);
  const tools = [...mcp].map(([name, text]) => `- ${name} answered: ${text.split("\n")[0]?.slice(0, 100)}`);
  return `Summary of the ${files.length} files:\n${[...parts, ...tools].join("\n")}`;
}

// Only an explicit boolean on the wire allows several calls; absent means one call per turn.
function allowsParallelCalls(value: unknown): boolean {
  return typeof value === "boolean" && value;
}

/** "Reading 4 files at once.", "Reading a.ts.", with " and calling 2 MCP tools" or "Calling mcp--s--t." for MCP calls. */
function introFor(batch: Array<{ name: string }>, firstPath: string | undefined): string {
  const reads = batch.filter((call) => call.name === "read_file").length;
  const others = batch.length - reads;
  const reading = reads > 1 ? `Reading ${reads} files at once` : reads === 1 ? `Reading ${firstPath}` : "";
  if (others === 0) return `${reading}.`;
  const tools = reads === 0 && others === 1 ? batch[0]?.name : `${others} MCP tool${others === 1 ? "" : "s"}`;
  return `${reading}${reading ? " and calling" : "Calling"} ${tools}.`;
}

function textEvents(text: string, size: number): SseEvent[] {
  const events: SseEvent[] = [];
  for (let at = 0; at < text.length; at += size) events.push({ data: chunk({ content: text.slice(at, at + size) }) });
  return events;
}

/** Answers one Chat Completions request body with the next scripted turn. Pure: same body, same answer. */
export function scriptedModel(body: unknown, options: ScriptedModelOptions = {}): ScriptedResponse {
  const request = (body ?? {}) as { messages?: ChatMessage[]; tools?: unknown[]; parallel_tool_calls?: unknown };
  const messages = request.messages ?? [];
  const files = requestedFiles(messages);
  const results = readResults(messages);
  const missing = files.filter((file) => !results.has(file));
  const answeredMcp = mcpResults(messages, textOf);
  const mcpMissing = mcpCallsWanted(request.tools ?? []).filter((call) => !answeredMcp.has(call.name));
  const canRead = (request.tools ?? []).some((tool) => JSON.stringify(tool).includes('"read_file"'));
  const promptTokens = estimateTokens(messages) + estimateTokens(request.tools);
  const pacing = options.pacingMs === undefined ? {} : { pacingMs: options.pacingMs };

  if ((missing.length === 0 && mcpMissing.length === 0) || !canRead) {
    const text = canRead ? summarise(files, results, answeredMcp) : "I cannot read files without a read_file tool.";
    return {
      kind: "stream",
      ...pacing,
      events: [
        ...textEvents(text, options.textChunkSize ?? 48),
        { data: chunk({ finish_reason: "stop" }) },
        { data: usageChunk({ prompt_tokens: promptTokens, completion_tokens: estimateTokens(text) }) },
      ],
    };
  }

  const turn = messages.filter((m) => m.role === "assistant").length + 1;
  const wanted = [
    ...missing.map((path) => ({ name: "read_file", arguments: JSON.stringify({ path }) })),
    ...mcpMissing,
  ];
  const batch = allowsParallelCalls(request.parallel_tool_calls) ? wanted : wanted.slice(0, 1);
  const calls: ToolCallSpec[] = batch.map((call, i) => ({ id: `call_t${turn}_${i + 1}`, ...call }));
  const intro = introFor(batch, missing[0]);
  return {
    kind: "stream",
    ...pacing,
    events: [
      { data: chunk({ content: intro }) },
      ...toolCallChunks(calls, { fragmentSize: options.fragmentSize ?? 6 }),
      { data: chunk({ finish_reason: "tool_calls" }) },
      {
        data: usageChunk({
          prompt_tokens: promptTokens,
          completion_tokens: estimateTokens(intro) + estimateTokens(calls),
        }),
      },
    ],
  };
}
