import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { chunk, usageChunk } from "@parallel-tool-calls/testing";
import { useServer } from "@parallel-tool-calls/testing/vitest";
import { describe, expect, it } from "vitest";
import { defineTool, runToolLoop, runToolTurn, type ToolTurnEvent } from "../src/index.js";
import { OverlapProbe } from "./helpers.js";
import {
  answerResponse,
  callsResponse,
  handlerFor,
  nextRequestAccepted,
  readFileTool,
  registryOf,
  SYSTEM,
  TASK,
  wholeCallEvent,
} from "./turn-helpers.js";

const ctx = useServer();

describe("runToolTurn: what the history keeps", () => {
  it("keeps the input exactly as streamed when a tool mutates its input object", async () => {
    const { server } = ctx;
    const handler = handlerFor(server);
    const mutating = defineTool<{ path: string; opts: { depth: number } }>({
      name: "mutating",
      description: "rewrites its input",
      parameters: { type: "object" },
      execute: (input) => {
        input.path = "/etc/passwd";
        input.opts.depth = 99;
        return "done";
      },
    });
    const registry = registryOf(mutating);
    server.enqueue(callsResponse([{ id: "call_1", name: "mutating", args: { path: "a.ts", opts: { depth: 1 } } }]));
    const result = await runToolTurn({ handler, registry, systemPrompt: SYSTEM, history: TASK }).result;
    expect(result.toolCalls[0]?.input).toEqual({ path: "a.ts", opts: { depth: 1 } });
    expect(await nextRequestAccepted(server, handler, result.history, registry)).toEqual({ accepted: true });
    const sent = server.requests.at(-1)?.body as {
      messages: Array<{ tool_calls?: Array<{ function: { arguments: string } }> }>;
    };
    const replayed = sent.messages.find((m) => m.tool_calls)?.tool_calls?.[0]?.function.arguments;
    expect(JSON.parse(replayed ?? "null")).toEqual({ path: "a.ts", opts: { depth: 1 } });
  });

  it("answers a call whose input cannot be serialised back (100,000 levels deep) with an error, never running it", async () => {
    const { server } = ctx;
    const handler = handlerFor(server);
    const log: string[] = [];
    const registry = registryOf(
      readFileTool(log),
      defineTool({ name: "deep", description: "any input", parameters: {}, execute: () => "ran" }),
    );
    const deep = `{"tree":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    server.enqueue(
      callsResponse([
        { id: "call_deep", name: "deep", args: deep },
        { id: "call_ok", name: "read_file", args: { path: "a.ts" } },
      ]),
    );
    server.enqueue(answerResponse());
    const loop = await runToolLoop({ handler, registry, systemPrompt: SYSTEM, history: TASK, maxTurns: 3 }).result;
    const first = loop.turns[0];
    expect(first?.toolCalls.map((c) => [c.toolCallId, c.status])).toEqual([
      ["call_deep", "invalid"],
      // The invalid call never ran, so it does not use up the turn's one tool when the flag is off.
      ["call_ok", "ok"],
    ]);
    // The second request carried the history (the server accepted it) and the loop ended normally.
    expect(loop).toMatchObject({ status: "completed", requests: 2 });
    expect(server.requests).toHaveLength(2);
    const results = loop.history[2]?.content as Array<{ tool_use_id: string; content: string }>;
    expect(results[0]?.content).toMatch(/cannot be serialised back/);
  });

  it("keeps per-call extra_content and the reasoning, in stream order", async () => {
    const { server } = ctx;
    const handler = handlerFor(server);
    const registry = registryOf(readFileTool());
    const signature = { google: { thought_signature: "sig-AAAA" } };
    server.enqueue({
      kind: "stream",
      events: [
        { data: chunk({ reasoning: "Two files " }) },
        { data: chunk({ reasoning: "are needed." }) },
        { data: chunk({ content: "Reading." }) },
        wholeCallEvent(0, "call_1", '{"path":"a.ts"}', { extra_content: signature }),
        wholeCallEvent(1, "call_2", '{"path":"b.ts"}'),
        { data: chunk({ finish_reason: "tool_calls" }) },
        { data: usageChunk({ prompt_tokens: 10, completion_tokens: 10 }) },
      ],
    });
    const result = await runToolTurn({ handler, registry, systemPrompt: SYSTEM, history: TASK }).result;
    expect(result.reasoning).toBe("Two files are needed.");
    expect(result.assistantMessage?.content).toEqual([
      { type: "reasoning", text: "Two files are needed." },
      { type: "text", text: "Reading." },
      { type: "tool_use", id: "call_1", name: "read_file", input: { path: "a.ts" }, extra_content: signature },
      { type: "tool_use", id: "call_2", name: "read_file", input: { path: "b.ts" } },
    ]);
  });
});

describe("runToolTurn: scheduling", () => {
  it("starts each tool as soon as its call is complete, before the stream ends, never two at once", async () => {
    const { server } = ctx;
    const handler = handlerFor(server);
    const probe = new OverlapProbe();
    const registry = registryOf(probe.tool("step", 5));
    server.enqueue(
      callsResponse(
        [
          { id: "call_1", name: "step", args: { steps: 5 } },
          { id: "call_2", name: "step", args: { steps: 5 } },
          { id: "call_3", name: "step", args: { steps: 5 } },
        ],
        { pacingMs: 15 },
      ),
    );
    const events: ToolTurnEvent[] = [];
    const result = await runToolTurn({
      handler,
      registry,
      systemPrompt: SYSTEM,
      history: TASK,
      onEvent: (event) => events.push(event),
    }).result;
    expect(result.status).toBe("tool_calls");
    expect(probe.maxRunning).toBe(1);
    const firstStart = events.findIndex((e) => e.type === "tool_started");
    const streamEnd = events.findIndex((e) => e.type === "stream_end");
    expect(firstStart).toBeGreaterThan(-1);
    expect(firstStart).toBeLessThan(streamEnd);
    if (PARALLEL_TOOL_CALLS) expect(probe.log.filter((line) => line.startsWith("start"))).toHaveLength(3);
  });

  it("with startWhen 'stream_ended', starts no tool before the stream is over", async () => {
    const { server } = ctx;
    const probe = new OverlapProbe();
    server.enqueue(
      callsResponse([
        { id: "call_1", name: "step", args: {} },
        { id: "call_2", name: "step", args: {} },
      ]),
    );
    const events: ToolTurnEvent[] = [];
    await runToolTurn({
      handler: handlerFor(server),
      registry: registryOf(probe.tool("step")),
      systemPrompt: SYSTEM,
      history: TASK,
      startWhen: "stream_ended",
      onEvent: (event) => events.push(event),
    }).result;
    const firstStart = events.findIndex((e) => e.type === "tool_started");
    expect(firstStart).toBeGreaterThan(events.findIndex((e) => e.type === "stream_end"));
  });
});
