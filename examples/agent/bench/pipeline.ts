// (a) Our streaming pipeline (provider → parser → sequential executor, through the agent loop) against
// iterating the same local stream with the openai SDK alone, in the same run.
import { defineTool, ToolRegistry } from "@parallel-tool-calls/sequential-executor";
import {
  chunk,
  type ScriptedResponse,
  type TestServer,
  toolCallChunks,
  usageChunk,
} from "@parallel-tool-calls/testing";
import OpenAI from "openai";
import { runAgent } from "../src/agent-loop.js";
import { handlerForLocal, median } from "./shared.js";

const CALLS = 8;
const ARGUMENT_CHARS = 4096;

function codeLike(size: number, seed: number): string {
  const line = `export function f${seed}(a: number, b: string) { return { a, b: b.repeat(2), "q": "\\n" }; }\n`;
  return line.repeat(Math.ceil(size / line.length)).slice(0, size);
}

function script(): ScriptedResponse {
  const calls = Array.from({ length: CALLS }, (_, i) => ({
    id: `call_${i}`,
    name: "save_note",
    arguments: JSON.stringify({ path: `notes/${i}.ts`, content: codeLike(ARGUMENT_CHARS, i) }),
  }));
  return {
    kind: "stream",
    events: [
      { data: chunk({ content: "Saving notes." }) },
      ...toolCallChunks(calls, { fragmentSize: 8 }),
      { data: chunk({ finish_reason: "tool_calls" }) },
      { data: usageChunk({ prompt_tokens: 100, completion_tokens: 9000 }) },
    ],
  };
}

const registry = new ToolRegistry([
  defineTool({
    name: "save_note",
    description: "Pretends to save a note.",
    parameters: { type: "object", properties: { path: { type: "string" }, content: { type: "string" } } },
    execute: () => "saved",
  }),
]);

async function sdkAlone(server: TestServer): Promise<number> {
  const client = new OpenAI({ baseURL: server.baseUrl, apiKey: "bench", maxRetries: 0 });
  const started = performance.now();
  const stream = await client.chat.completions.create({
    model: "test/model",
    messages: [{ role: "user", content: "save notes" }],
    tools: registry.toOpenAITools(),
    stream: true,
    stream_options: { include_usage: true },
  });
  // The least a consumer can do: concatenate argument fragments per index, parse once at the end.
  const args = new Map<number, string>();
  for await (const part of stream) {
    for (const call of part.choices[0]?.delta.tool_calls ?? []) {
      args.set(call.index, (args.get(call.index) ?? "") + (call.function?.arguments ?? ""));
    }
  }
  for (const text of args.values()) JSON.parse(text);
  if (args.size !== CALLS) throw new Error(`sdk alone saw ${args.size} calls`);
  return performance.now() - started;
}

async function ourPipeline(server: TestServer): Promise<number> {
  const started = performance.now();
  const result = await runAgent({
    handler: handlerForLocal(server),
    registry,
    systemPrompt: "bench",
    task: "save notes",
    maxTurns: 1,
  });
  if (result.toolCalls !== CALLS || result.turns[0]?.toolCalls.some((c) => c.status !== "ok")) {
    throw new Error(`pipeline finished ${result.toolCalls} calls: ${JSON.stringify(result.turns[0]?.toolCalls)}`);
  }
  return performance.now() - started;
}

export async function benchPipeline(server: TestServer, rounds = 15): Promise<void> {
  server.reset();
  server.setHandler(() => script());
  for (let i = 0; i < 3; i++) {
    await sdkAlone(server);
    await ourPipeline(server);
  }
  const sdk: number[] = [];
  const ours: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // Alternate so that drift (GC, CPU frequency) hits both sides alike.
    sdk.push(await sdkAlone(server));
    ours.push(await ourPipeline(server));
  }
  const fragments = toolCallChunks(
    Array.from({ length: CALLS }, () => ({ id: "x", name: "n", arguments: "x".repeat(ARGUMENT_CHARS + 40) })),
    { fragmentSize: 8 },
  ).length;
  const a = median(sdk);
  const b = median(ours);
  console.log(
    `(a) one response with ${CALLS} tool calls × ~${ARGUMENT_CHARS / 1024} KB arguments in 8-char fragments (~${fragments} chunks), local server, median of ${rounds}:`,
  );
  console.log(`    openai SDK alone (iterate + concatenate + JSON.parse)    ${a.toFixed(2).padStart(8)} ms   1.00×`);
  console.log(
    `    our pipeline (handler → parser → executor, tools run)   ${b.toFixed(2).padStart(8)} ms   ${(b / a).toFixed(2)}×`,
  );
}
