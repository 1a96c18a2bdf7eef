import { toolCallChunks } from "@parallel-tool-calls/testing";
import { useServer } from "@parallel-tool-calls/testing/vitest";
import { describe, expect, it } from "vitest";
import { defineTool, runToolLoop, runToolTurn, ToolTimeoutError } from "../src/index.js";
import {
  answerResponse,
  callsResponse,
  handlerFor,
  nextRequestAccepted,
  readFileTool,
  registryOf,
  SYSTEM,
  TASK,
} from "./turn-helpers.js";

const ctx = useServer();

/** A tool that runs until its signal aborts (a long command), recording the abort reason. */
function waitTool(seen: unknown[]) {
  return defineTool<{ path: string }>({
    name: "wait_for_signal",
    description: "Runs until told to stop",
    parameters: { type: "object", properties: { path: { type: "string" } } },
    execute: (_input, ctx) =>
      new Promise((resolve) => {
        ctx.signal.addEventListener("abort", () => {
          seen.push(ctx.signal.reason);
          resolve("stopped");
        });
      }),
  });
}

describe("per-tool timeout (toolTimeoutMs)", () => {
  it("answers the slow call timed_out, aborts its signal, then runs the next call after it returned", async () => {
    const { server } = ctx;
    server.enqueue(
      callsResponse([
        { id: "call_slow", name: "wait_for_signal", args: {} },
        { id: "call_fast", name: "read_file", args: { path: "b.ts" } },
      ]),
    );
    const reasons: unknown[] = [];
    const log: string[] = [];
    const registry = registryOf(waitTool(reasons), readFileTool(log));
    const started: string[] = [];
    const result = await runToolTurn({
      handler: handlerFor(server),
      registry,
      systemPrompt: SYSTEM,
      history: TASK,
      toolTimeoutMs: 100,
      // About the timeout, not the switch: two calls must run in this turn whatever the flag says.
      parallelToolCalls: true,
      onEvent: (event) => {
        if (event.type === "tool_started") started.push(event.toolCallId);
        if (event.type === "tool_result") started.push(`${event.toolCallId}:${event.result.status}`);
      },
    }).result;
    expect(result.status).toBe("tool_calls");
    expect(result.results.map((r) => [r.toolCallId, r.status])).toEqual([
      ["call_slow", "timed_out"],
      ["call_fast", "ok"],
    ]);
    expect(result.results[0]?.content).toMatch(/did not finish within 100 ms \(toolTimeoutMs\)/);
    expect(result.results[0]?.isError).toBe(true);
    expect(ToolTimeoutError.isInstance(reasons[0])).toBe(true);
    expect(reasons[0]).toMatchObject({ code: "tool_timeout", toolCallId: "call_slow", timeoutMs: 100 });
    expect(started).toEqual(["call_slow", "call_slow:timed_out", "call_fast", "call_fast:ok"]);
    expect((await nextRequestAccepted(server, handlerFor(server), result.history, registry)).accepted).toBe(true);
  });

  it("a generous timeout leaves a quick tool alone", async () => {
    const { server } = ctx;
    server.enqueue(callsResponse([{ id: "call_1", name: "read_file", args: { path: "a.ts" } }]));
    const result = await runToolTurn({
      handler: handlerFor(server),
      registry: registryOf(readFileTool()),
      systemPrompt: SYSTEM,
      history: TASK,
      toolTimeoutMs: 60_000,
    }).result;
    expect(result.results.map((r) => r.status)).toEqual(["ok"]);
  });
});

describe("whole-turn deadline (deadlineMs)", () => {
  it("a stream that stalls: the turn ends failed with deadline_exceeded and the request is closed", async () => {
    const { server } = ctx;
    server.enqueue({
      kind: "stream",
      events: [...toolCallChunks([{ id: "call_1", name: "read_file", arguments: '{"path":"a.ts"}' }]), { stall: true }],
    });
    const registry = registryOf(readFileTool());
    const startedAt = performance.now();
    const result = await runToolTurn({
      handler: handlerFor(server),
      registry,
      systemPrompt: SYSTEM,
      history: TASK,
      deadlineMs: 300,
    }).result;
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(290);
    expect(result.status).toBe("failed");
    expect(result.error).toMatchObject({ code: "deadline_exceeded" });
    expect(result.error?.message).toMatch(/within 300 ms \(deadlineMs\)/);
    // The call never ended in the stream: it has its one result but is not in the history.
    expect(result.results.map((r) => r.status)).toEqual(["interrupted"]);
    await expect.poll(() => server.activeResponses).toBe(0);
    expect((await nextRequestAccepted(server, handlerFor(server), result.history, registry)).accepted).toBe(true);
  });

  it("a tool still running: its signal aborts, the call is interrupted, the loop stops failed", async () => {
    const { server } = ctx;
    server.enqueue(callsResponse([{ id: "call_1", name: "wait_for_signal", args: {} }]), answerResponse());
    const reasons: unknown[] = [];
    const result = await runToolLoop({
      handler: handlerFor(server),
      registry: registryOf(waitTool(reasons)),
      systemPrompt: SYSTEM,
      task: "wait",
      deadlineMs: 300,
    }).result;
    expect(result.status).toBe("failed");
    expect(result.error).toMatchObject({ code: "deadline_exceeded" });
    expect(result.turns[0]?.toolCalls.map((c) => c.status)).toEqual(["interrupted"]);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatchObject({ code: "deadline_exceeded" });
    expect(server.requests).toHaveLength(1);
  });

  it("a caller's abort before the deadline is still an abort", async () => {
    const { server } = ctx;
    server.enqueue({ kind: "stream", events: [{ stall: true }] });
    const controller = new AbortController();
    const turn = runToolTurn({
      handler: handlerFor(server),
      registry: registryOf(readFileTool()),
      systemPrompt: SYSTEM,
      history: TASK,
      signal: controller.signal,
      deadlineMs: 60_000,
    });
    setTimeout(() => controller.abort(), 100);
    const result = await turn.result;
    expect(result.status).toBe("aborted");
    expect(result.error?.code).toBe("aborted");
  });
});
