import { useServer } from "@parallel-tool-calls/testing/vitest";
import { describe, expect, it } from "vitest";
import { runToolLoop, type ToolLoopEvent } from "../src/index.js";
import { answerResponse, callsResponse, handlerFor, readFileTool, registryOf, SYSTEM } from "./turn-helpers.js";

const ctx = useServer();

describe("runToolLoop", () => {
  it("requests until the model answers without tools, with every event tagged by its turn", async () => {
    const { server } = ctx;
    server.enqueue(
      callsResponse([
        { id: "call_1", name: "read_file", args: { path: "a.ts" } },
        { id: "call_2", name: "read_file", args: { path: "b.ts" } },
      ]),
      callsResponse([{ id: "call_3", name: "read_file", args: { path: "c.ts" } }]),
      answerResponse("Summary: three files."),
    );
    const loop = runToolLoop({
      handler: handlerFor(server),
      registry: registryOf(readFileTool()),
      systemPrompt: SYSTEM,
      task: "Summarise a.ts, b.ts and c.ts",
      taskId: "task-42",
    });
    const events: ToolLoopEvent[] = [];
    for await (const event of loop) events.push(event);
    const result = await loop.result;

    expect(result).toMatchObject({
      status: "completed",
      finalText: "Summary: three files.",
      requests: 3,
      toolCalls: 3,
    });
    expect(result.turns.map((t) => t.status)).toEqual(["tool_calls", "tool_calls", "completed"]);
    expect(result.usage.inputTokens).toBe(100 + 100 + 150);
    // user, assistant, results, assistant, results, assistant
    expect(result.history.map((m) => m.role)).toEqual(["user", "assistant", "user", "assistant", "user", "assistant"]);
    expect(events.filter((e) => e.type === "turn_end").map((e) => e.turn)).toEqual([1, 2, 3]);
    expect(events.filter((e) => e.type === "request").map((e) => e.turn)).toEqual([1, 2, 3]);
    // system + task, then + assistant + two tool messages, then + assistant + one; each follow-up passed validation.
    expect(server.requests.map((r) => r.body?.messages?.length)).toEqual([2, 5, 7]);
    expect(server.requests).toHaveLength(3);
  });

  it("stops at maxTurns with the history ready to continue, counting only requests made", async () => {
    const { server } = ctx;
    server.enqueue(
      callsResponse([{ id: "call_1", name: "read_file", args: { path: "a.ts" } }]),
      callsResponse([{ id: "call_2", name: "read_file", args: { path: "b.ts" } }]),
    );
    const result = await runToolLoop({
      handler: handlerFor(server),
      registry: registryOf(readFileTool()),
      systemPrompt: SYSTEM,
      task: "go",
      maxTurns: 2,
    }).result;
    expect(result).toMatchObject({ status: "max_turns", requests: 2 });
    expect(result.history.at(-1)?.role).toBe("user");
    expect(server.requests).toHaveLength(2);
  });

  it("stops on a failed turn with its typed error, and on an aborted signal before any request", async () => {
    const { server } = ctx;
    server.enqueue(callsResponse([{ id: "call_1", name: "read_file", args: { path: "a.ts" } }]), {
      kind: "error",
      status: 503,
      message: "no capacity",
    });
    const failed = await runToolLoop({
      handler: handlerFor(server),
      registry: registryOf(readFileTool()),
      systemPrompt: SYSTEM,
      task: "go",
    }).result;
    expect(failed).toMatchObject({ status: "failed", requests: 2, error: { code: "stream_failed" } });
    expect(failed.turns).toHaveLength(2);

    const controller = new AbortController();
    controller.abort();
    const aborted = await runToolLoop({
      handler: handlerFor(server),
      registry: registryOf(readFileTool()),
      systemPrompt: SYSTEM,
      task: "go",
      signal: controller.signal,
    }).result;
    expect(aborted).toMatchObject({ status: "aborted", requests: 0, turns: [] });
  });
});
