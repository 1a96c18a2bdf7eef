import { ProviderHttpError } from "@parallel-tool-calls/provider-helpers";
import { useServer } from "@parallel-tool-calls/testing/vitest";
import { describe, expect, it } from "vitest";
import { runToolLoop, runToolTurn, type ToolLoopEvent, type ToolTurnEvent } from "../src/index.js";
import { answerResponse, callsResponse, handlerFor, readFileTool, registryOf, SYSTEM, TASK } from "./turn-helpers.js";

const ctx = useServer();

describe("retries reach the turn and the loop as events", () => {
  it("a 503 before the stream is re-sent; the turn says so and completes", async () => {
    const { server } = ctx;
    server.enqueue(
      { kind: "error", status: 503, headers: { "retry-after-ms": "20" } },
      callsResponse([{ id: "call_1", name: "read_file", args: { path: "a.ts" } }]),
    );
    const events: ToolTurnEvent[] = [];
    const result = await runToolTurn({
      handler: handlerFor(server),
      registry: registryOf(readFileTool()),
      systemPrompt: SYSTEM,
      history: TASK,
      onEvent: (event) => events.push(event),
    }).result;
    expect(result.status).toBe("tool_calls");
    expect(result.results.map((r) => r.status)).toEqual(["ok"]);
    const types = events.map((e) => e.type);
    expect(types.slice(0, 3)).toEqual(["request", "retry", "call_streaming"]);
    expect(events[1]).toMatchObject({
      type: "retry",
      attempt: 2,
      maxAttempts: 3,
      delayMs: 20,
      reason: { code: "server_error", status: 503 },
    });
    expect(server.requests).toHaveLength(2);
  });

  it("the loop's retry option reaches every request and its events carry the turn", async () => {
    const { server } = ctx;
    server.enqueue(
      callsResponse([{ id: "call_1", name: "read_file", args: { path: "a.ts" } }]),
      { kind: "error", status: 502 },
      { kind: "error", status: 502 },
      { kind: "error", status: 502 },
      { kind: "error", status: 502 },
      answerResponse(),
    );
    const events: ToolLoopEvent[] = [];
    const result = await runToolLoop({
      handler: handlerFor(server),
      registry: registryOf(readFileTool()),
      systemPrompt: SYSTEM,
      task: "read a.ts",
      retry: { maxRetries: 4, initialDelayMs: 5 },
      onEvent: (event) => events.push(event),
    }).result;
    expect(result.status).toBe("completed");
    expect(events.filter((e) => e.type === "retry").map((e) => [e.turn, e.type === "retry" && e.attempt])).toEqual([
      [2, 2],
      [2, 3],
      [2, 4],
      [2, 5],
    ]);
    expect(server.requests).toHaveLength(6);
  });

  it("with retries off for the loop, the turn fails with the handler's error after one attempt", async () => {
    const { server } = ctx;
    server.enqueue({ kind: "error", status: 503 }, answerResponse());
    const result = await runToolLoop({
      handler: handlerFor(server),
      registry: registryOf(readFileTool()),
      systemPrompt: SYSTEM,
      task: "read a.ts",
      retry: { maxRetries: 0 },
    }).result;
    expect(result.status).toBe("failed");
    expect(ProviderHttpError.isInstance(result.error?.cause)).toBe(true);
    expect(result.error?.cause).toMatchObject({ status: 503, attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it("an abort during the wait ends the turn at once", async () => {
    const { server } = ctx;
    server.enqueue({ kind: "error", status: 429, retryAfterSeconds: 20 }, answerResponse());
    const controller = new AbortController();
    let abortedAt = 0;
    const result = await runToolTurn({
      handler: handlerFor(server),
      registry: registryOf(readFileTool()),
      systemPrompt: SYSTEM,
      history: TASK,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type !== "retry") return;
        setTimeout(() => {
          abortedAt = performance.now();
          controller.abort();
        }, 30);
      },
    }).result;
    expect(result.status).toBe("aborted");
    expect(performance.now() - abortedAt).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1);
  });
});
