import type { ToolResultBlockParam } from "@parallel-tool-calls/core-metadata";
import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { chunk, errorChunk, usageChunk } from "@parallel-tool-calls/testing";
import { useServer } from "@parallel-tool-calls/testing/vitest";
import { describe, expect, it } from "vitest";
import { defineTool, runToolTurn, ToolTurnError, type ToolTurnEvent } from "../src/index.js";
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

function resultBlocks(history: { content: unknown }[]): ToolResultBlockParam[] {
  const last = history.at(-1)?.content;
  return Array.isArray(last) ? (last as ToolResultBlockParam[]).filter((b) => b.type === "tool_result") : [];
}

const failing = defineTool({
  name: "failing",
  description: "always throws",
  parameters: { type: "object" },
  execute: () => {
    throw new Error("disk on fire");
  },
});

describe("runToolTurn: one request turned into valid history", () => {
  it("runs three calls in stream order, one at a time, and returns the assistant message, results and history", async () => {
    const { server } = ctx;
    const handler = handlerFor(server);
    const log: string[] = [];
    const registry = registryOf(readFileTool(log));
    server.enqueue(
      callsResponse(
        [
          { id: "call_1", name: "read_file", args: { path: "a.ts" } },
          { id: "call_2", name: "read_file", args: { path: "b.ts" } },
          { id: "call_3", name: "read_file", args: { path: "c.ts" } },
        ],
        { text: "Reading three files." },
      ),
    );
    const turn = runToolTurn({ handler, registry, systemPrompt: SYSTEM, history: TASK });
    const events: ToolTurnEvent[] = [];
    for await (const event of turn) events.push(event);
    const result = await turn.result;

    expect(result.status).toBe("tool_calls");
    expect(result.text).toBe("Reading three files.");
    expect(result.assistantMessage?.content).toEqual([
      { type: "text", text: "Reading three files." },
      { type: "tool_use", id: "call_1", name: "read_file", input: { path: "a.ts" } },
      { type: "tool_use", id: "call_2", name: "read_file", input: { path: "b.ts" } },
      { type: "tool_use", id: "call_3", name: "read_file", input: { path: "c.ts" } },
    ]);
    const expectedStatus = PARALLEL_TOOL_CALLS ? ["ok", "ok", "ok"] : ["ok", "single_tool_limit", "single_tool_limit"];
    expect(result.results.map((r) => r.status)).toEqual(expectedStatus);
    expect(log).toEqual(PARALLEL_TOOL_CALLS ? ["run call_1", "run call_2", "run call_3"] : ["run call_1"]);
    expect(resultBlocks(result.history).map((b) => b.tool_use_id)).toEqual(["call_1", "call_2", "call_3"]);
    expect(result.history.slice(0, TASK.length)).toEqual(TASK);
    expect(result.history).toHaveLength(TASK.length + 2);
    expect(result.usage).toMatchObject({ inputTokens: 100, outputTokens: 20 });
    expect(result.finishReason).toBe("tool_calls");
    expect(result.requestSent).toBe(true);

    // Events: in order, timestamped, one tool_result per call, turn_end last.
    expect(events[0]?.type).toBe("request");
    expect(events.at(-1)).toMatchObject({ type: "turn_end", status: "tool_calls" });
    expect(events.every((event) => typeof event.at === "number")).toBe(true);
    expect(events.filter((e) => e.type === "tool_result").map((e) => (e as { toolCallId: string }).toolCallId)).toEqual(
      ["call_1", "call_2", "call_3"],
    );
    expect((server.requests[0]?.body as { parallel_tool_calls?: boolean } | undefined)?.parallel_tool_calls).toBe(
      PARALLEL_TOOL_CALLS,
    );
    expect(await nextRequestAccepted(server, handler, result.history, registry)).toEqual({ accepted: true });
  });

  it("runs the whole turn through `await result` alone, without iterating", async () => {
    const { server } = ctx;
    server.enqueue(callsResponse([{ id: "call_1", name: "read_file", args: { path: "a.ts" } }]));
    const log: string[] = [];
    const result = await runToolTurn({
      handler: handlerFor(server),
      registry: registryOf(readFileTool(log)),
      systemPrompt: SYSTEM,
      history: TASK,
    }).result;
    expect(result.status).toBe("tool_calls");
    expect(log).toEqual(["run call_1"]);
  });

  it("answers a text-only response with status completed and no results message", async () => {
    const { server } = ctx;
    server.enqueue(answerResponse("Nothing to do."));
    const history = [...TASK];
    const result = await runToolTurn({
      handler: handlerFor(server),
      registry: registryOf(readFileTool()),
      systemPrompt: SYSTEM,
      history,
    }).result;
    expect(result.status).toBe("completed");
    expect(result.toolResultsMessage).toBeUndefined();
    expect(result.history.at(-1)).toEqual({ role: "assistant", content: [{ type: "text", text: "Nothing to do." }] });
    expect(history).toEqual(TASK); // never mutated
  });

  // `ran`: whether the bad call's tool ran. Only then does it use up the turn's one tool when the
  // flag is off (an unknown or invalid call does not, as agents behaved before).
  it.each([
    ["a tool error", { id: "call_x", name: "failing", args: {} }, "error", true],
    ["an unknown tool", { id: "call_x", name: "no_such_tool", args: {} }, "unknown_tool", false],
    ["invalid JSON arguments", { id: "call_x", name: "read_file", args: '{"path": "a' }, "invalid", false],
    ["arguments failing the schema", { id: "call_x", name: "read_file", args: { file: 1 } }, "invalid", false],
  ])("answers %s with one error result and a history the server accepts", async (_what, bad, status, ran) => {
    const { server } = ctx;
    const handler = handlerFor(server);
    const registry = registryOf(readFileTool(), failing);
    server.enqueue(callsResponse([bad, { id: "call_ok", name: "read_file", args: { path: "a.ts" } }]));
    const result = await runToolTurn({ handler, registry, systemPrompt: SYSTEM, history: TASK }).result;
    expect(result.status).toBe("tool_calls");
    expect(result.results[0]).toMatchObject({ toolCallId: "call_x", status, isError: true });
    expect(resultBlocks(result.history).map((b) => [b.tool_use_id, b.is_error ?? false])).toEqual([
      ["call_x", true],
      ["call_ok", ran && !PARALLEL_TOOL_CALLS],
    ]);
    expect(await nextRequestAccepted(server, handler, result.history, registry)).toEqual({ accepted: true });
  });

  it("answers a denial, and skips the rest of the turn", async () => {
    const { server } = ctx;
    const handler = handlerFor(server);
    const registry = registryOf(readFileTool());
    server.enqueue(
      callsResponse([
        { id: "call_1", name: "read_file", args: { path: "a.ts" } },
        { id: "call_2", name: "read_file", args: { path: "b.ts" } },
      ]),
    );
    const result = await runToolTurn({
      handler,
      registry,
      systemPrompt: SYSTEM,
      history: TASK,
      approve: (call) => call.id !== "call_1",
    }).result;
    expect(result.results.map((r) => r.status)).toEqual(["denied", PARALLEL_TOOL_CALLS ? "skipped" : "skipped"]);
    expect(await nextRequestAccepted(server, handler, result.history, registry)).toEqual({ accepted: true });
  });

  it("fails on a stream cut mid-call: complete calls are answered, the cut one is left out, history accepted", async () => {
    const { server } = ctx;
    const handler = handlerFor(server);
    const registry = registryOf(readFileTool());
    const full = callsResponse([
      { id: "call_1", name: "read_file", args: { path: "a.ts" } },
      { id: "call_2", name: "read_file", args: { path: "b.ts" } },
    ]);
    if (full.kind !== "stream") throw new Error("unreachable");
    // Keep call 1 whole and half of call 2, then drop the connection.
    server.enqueue({
      kind: "stream",
      events: [...full.events.slice(0, 6), { delayMs: 30 }, { cut: true }],
      done: false,
    });
    const result = await runToolTurn({ handler, registry, systemPrompt: SYSTEM, history: TASK }).result;
    expect(result.status).toBe("failed");
    expect(result.error).toMatchObject({ name: "ToolTurnError", code: "stream_failed" });
    expect(ToolTurnError.isInstance(result.error)).toBe(true);
    expect(JSON.parse(JSON.stringify(result.error))).toEqual({
      name: "ToolTurnError",
      code: "stream_failed",
      message: result.error?.message,
    });
    expect(result.toolCalls.map((c) => c.id)).toEqual(["call_1"]);
    expect(result.results.map((r) => [r.toolCallId, r.status])).toEqual([
      ["call_1", "ok"],
      ["call_2", "stream_failed"],
    ]);
    expect(resultBlocks(result.history).map((b) => b.tool_use_id)).toEqual(["call_1"]);
    expect(await nextRequestAccepted(server, handler, result.history, registry)).toEqual({ accepted: true });
  });

  it("fails on an in-stream provider error, keeping the usage reported before it", async () => {
    const { server } = ctx;
    const handler = handlerFor(server);
    const registry = registryOf(readFileTool());
    server.enqueue({
      kind: "stream",
      events: [
        { data: chunk({ content: "Let me look." }) },
        wholeCallEvent(0, "call_1", '{"path":"a.ts"}'),
        {
          data: errorChunk({
            code: 502,
            message: "upstream overloaded",
            usage: { prompt_tokens: 321, completion_tokens: 12 },
          }),
        },
      ],
    });
    const result = await runToolTurn({ handler, registry, systemPrompt: SYSTEM, history: TASK }).result;
    expect(result.status).toBe("failed");
    expect(result.error?.message).toMatch(/overloaded/);
    // Spent tokens stay counted: the handler yields the usage it saw before the error.
    expect(result.usage).toMatchObject({ inputTokens: 321, outputTokens: 12 });
    expect(result.results).toHaveLength(1);
    expect(result.results[0]?.isError).toBe(true);
    expect(result.assistantMessage?.content[0]).toEqual({ type: "text", text: "Let me look." });
    expect(await nextRequestAccepted(server, handler, result.history, registry)).toEqual({ accepted: true });
  });

  it("fails on `length` truncation without running the cut call, and keeps the usage", async () => {
    const { server } = ctx;
    const handler = handlerFor(server);
    const log: string[] = [];
    const registry = registryOf(readFileTool(log));
    server.enqueue({
      kind: "stream",
      events: [
        wholeCallEvent(0, "call_1", '{"path":"a.ts"}'),
        wholeCallEvent(1, "call_2", '{"pa'),
        { data: chunk({ finish_reason: "length" }) },
        { data: usageChunk({ prompt_tokens: 40, completion_tokens: 4096 }) },
      ],
    });
    const result = await runToolTurn({ handler, registry, systemPrompt: SYSTEM, history: TASK }).result;
    expect(result.status).toBe("failed");
    expect(result.usage.outputTokens).toBe(4096);
    expect(log).not.toContain("run call_2");
    expect(result.results.find((r) => r.toolCallId === "call_2")?.isError).toBe(true);
    expect(await nextRequestAccepted(server, handler, result.history, registry)).toEqual({ accepted: true });
  });
});
