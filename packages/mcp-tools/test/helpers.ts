import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ApiHandler, MessageParam } from "@parallel-tool-calls/core-metadata";
import { type McpTestServerArgs, mcpTestServerArgs } from "@parallel-tool-calls/mcp-test-server";
import { OpenAICompatibleHandler } from "@parallel-tool-calls/provider-helpers";
import {
  SequentialToolExecutor,
  type SequentialToolExecutorOptions,
  type ToolRegistry,
  type ToolResult,
} from "@parallel-tool-calls/sequential-executor";
import {
  chunk,
  type ScriptedResponse,
  type SseEvent,
  type TestServer,
  toolCallChunks,
  usageChunk,
} from "@parallel-tool-calls/testing";
import { afterEach } from "vitest";
import type { McpStdioServerConfig, McpToolSet } from "../src/index.js";

/** The project's MCP test server as a real child process over stdio. */
export function testServerConfig(
  name = "test",
  args: McpTestServerArgs = {},
  extra: Partial<McpStdioServerConfig> = {},
): McpStdioServerConfig {
  return { name, command: process.execPath, args: mcpTestServerArgs(args), ...extra };
}

/** A fresh call-log path per test, removed afterwards. */
export function useLogDir(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), "mcp-tools-test-"));
    dirs.push(dir);
    return join(dir, "calls.jsonl");
  };
}

/** Closes every tool set a test opened, even when it fails. */
export function useToolSets(): (set: McpToolSet) => McpToolSet {
  const sets: McpToolSet[] = [];
  afterEach(async () => {
    await Promise.all(sets.splice(0).map((set) => set.close()));
  });
  return (set) => {
    sets.push(set);
    return set;
  };
}

export interface Call {
  id: string;
  name: string;
  args: Record<string, unknown>;
}

/** Feeds whole calls to a real executor, in order, and ends the stream. */
export function runCalls(
  registry: ToolRegistry,
  calls: Call[],
  options: Omit<SequentialToolExecutorOptions, "registry"> = {},
): { executor: SequentialToolExecutor; done: Promise<ToolResult[]> } {
  const executor = new SequentialToolExecutor({ registry, parallelToolCalls: true, ...options });
  for (const call of calls) {
    executor.handle({ type: "tool_call_start", id: call.id, name: call.name });
    executor.handle({ type: "tool_call_end", id: call.id, name: call.name, arguments: JSON.stringify(call.args) });
  }
  executor.endStream();
  return { executor, done: executor.done };
}

/** A real handler for the local model server, through the `openai` SDK. */
export function handlerFor(server: TestServer): ApiHandler {
  return new OpenAICompatibleHandler({
    apiProvider: "openai-compatible",
    openAiBaseUrl: server.baseUrl,
    openAiApiKey: "test-key",
    openAiModelId: "test/model",
  });
}

export const TASK: MessageParam[] = [{ role: "user", content: [{ type: "text", text: "Use the tools." }] }];

/** A scripted model response calling `calls` in one turn. */
export function callsResponse(calls: Call[]): ScriptedResponse {
  const events: SseEvent[] = [
    ...toolCallChunks(
      calls.map((call) => ({ id: call.id, name: call.name, arguments: JSON.stringify(call.args) })),
      { fragmentSize: 7 },
    ),
    { data: chunk({ finish_reason: "tool_calls" }) },
    { data: usageChunk({ prompt_tokens: 100, completion_tokens: 20 }) },
  ];
  return { kind: "stream", events };
}

export function answerResponse(text = "Done."): ScriptedResponse {
  return {
    kind: "stream",
    events: [
      { data: chunk({ content: text }) },
      { data: chunk({ finish_reason: "stop" }) },
      { data: usageChunk({ prompt_tokens: 150, completion_tokens: 5 }) },
    ],
  };
}
