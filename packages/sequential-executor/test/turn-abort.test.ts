import { getEventListeners } from "node:events";
import { chunk } from "@parallel-tool-calls/testing";
import { useServer, waitFor } from "@parallel-tool-calls/testing/vitest";
import { describe, expect, it } from "vitest";
import { defineTool, runToolLoop, runToolTurn, type ToolTurnEvent } from "../src/index.js";
import {
  answerResponse,
  callsResponse,
  handlerFor,
  nextRequestAccepted,
  registryOf,
  SYSTEM,
  TASK,
} from "./turn-helpers.js";

const ctx = useServer();

/** A tool that ignores `ctx.signal` and never returns on its own. */
function stubbornTool(started: () => void) {
  return defineTool({
    name: "stubborn",
    description: "ignores aborts",
    parameters: { type: "object" },
    execute: () => {
      started();
      return new Promise<string>(() => {});
    },
  });
}

describe("runToolTurn: abort", () => {
  it("settles within 100 ms of the abort while a tool ignores ctx.signal, and reports that tool", async () => {
    const { server } = ctx;
    const handler = handlerFor(server);
    let markStarted: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      markStarted = resolve;
    });
    const registry = registryOf(stubbornTool(() => markStarted()));
    server.enqueue(
      callsResponse([
        { id: "call_1", name: "stubborn", args: {} },
        { id: "call_2", name: "stubborn", args: {} },
      ]),
    );
    const controller = new AbortController();
    const events: ToolTurnEvent[] = [];
    const turn = runToolTurn({
      handler,
      registry,
      systemPrompt: SYSTEM,
      history: TASK,
      signal: controller.signal,
      onEvent: (event) => events.push(event),
    });
    await started;
    await waitFor(() => events.some((e) => e.type === "call_complete" && e.toolCallId === "call_2"));
    const abortedAt = performance.now();
    controller.abort(new Error("user pressed stop"));
    const result = await turn.result;
    expect(performance.now() - abortedAt).toBeLessThan(100);

    expect(result.status).toBe("aborted");
    expect(result.error).toMatchObject({ code: "aborted" });
    expect(result.error?.message).toContain("user pressed stop");
    expect(result.results.map((r) => [r.toolCallId, r.status])).toEqual([
      ["call_1", "interrupted"],
      ["call_2", "interrupted"],
    ]);
    expect(result.abandonedTools).toEqual([{ toolCallId: "call_1", name: "stubborn" }]);
    expect(events.filter((e) => e.type === "tool_abandoned")).toHaveLength(1);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    expect(await nextRequestAccepted(server, handler, result.history, registry)).toEqual({ accepted: true });
  });

  it("settles at once when the stream stalls and the handler is aborted mid-response", async () => {
    const { server } = ctx;
    const handler = handlerFor(server);
    server.enqueue({
      kind: "stream",
      events: [{ data: chunk({ content: "Thinking" }) }, { delayMs: 60_000 }],
    });
    const controller = new AbortController();
    const turn = runToolTurn({
      handler,
      registry: registryOf(),
      systemPrompt: SYSTEM,
      history: TASK,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === "text") controller.abort();
      },
    });
    const result = await turn.result;
    expect(result.status).toBe("aborted");
    expect(result.text).toBe("Thinking");
    expect(result.history.at(-1)).toEqual({ role: "assistant", content: [{ type: "text", text: "Thinking" }] });
  });

  it("sends no request when the signal is already aborted", async () => {
    const { server } = ctx;
    const controller = new AbortController();
    controller.abort();
    const result = await runToolTurn({
      handler: handlerFor(server),
      registry: registryOf(),
      systemPrompt: SYSTEM,
      history: TASK,
      signal: controller.signal,
    }).result;
    expect(result).toMatchObject({ status: "aborted", requestSent: false, history: TASK });
    expect(server.requests).toHaveLength(0);
  });

  it("leaves no listener on the caller's signal after many turns (no MaxListenersExceededWarning)", async () => {
    const { server } = ctx;
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      const registry = registryOf(
        defineTool({ name: "noop", description: "nothing", parameters: { type: "object" }, execute: () => "ok" }),
      );
      for (let i = 0; i < 12; i++) server.enqueue(callsResponse([{ id: `call_${i}`, name: "noop", args: {} }]));
      server.enqueue(answerResponse());
      const controller = new AbortController();
      const result = await runToolLoop({
        handler: handlerFor(server),
        registry,
        systemPrompt: SYSTEM,
        task: "loop",
        maxTurns: 13,
        signal: controller.signal,
      }).result;
      expect(result).toMatchObject({ status: "completed", requests: 13 });
      await new Promise((resolve) => setImmediate(resolve));
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
      expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });
});

describe("runToolTurn: bad options", () => {
  it("never rejects: a history that is not an array ends the turn as failed with a typed error", async () => {
    const { server } = ctx;
    const result = await runToolTurn({
      handler: handlerFor(server),
      registry: registryOf(),
      systemPrompt: SYSTEM,
      history: 42 as unknown as [],
    }).result;
    expect(result).toMatchObject({ status: "failed", error: { name: "ToolTurnError", code: "stream_failed" } });
    expect(server.requests).toHaveLength(0);
  });
});
