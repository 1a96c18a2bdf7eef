import { describe, expect, it } from "vitest";
import { defineTool, SequentialToolExecutor, ToolRegistry } from "../src/index.js";
import { deferred, end, macrotasks, OverlapProbe, start } from "./helpers.js";

// Multi-call behaviour is what these tests are about, so they ask for it explicitly; the default
// (taken from the flag) is covered in executor-flag.test.ts.
const multi = { parallelToolCalls: true } as const;

describe("SequentialToolExecutor ordering", () => {
  it("never runs two tools at once, even when every call is complete at the same moment", async () => {
    const probe = new OverlapProbe();
    const registry = new ToolRegistry([probe.tool("a", 5), probe.tool("b", 2)]);
    const executor = new SequentialToolExecutor({ registry, ...multi });
    for (const [id, name] of [
      ["1", "a"],
      ["2", "b"],
      ["3", "a"],
      ["4", "b"],
    ]) {
      executor.handle(start(id as string, name as string));
      executor.handle(end(id as string, name as string));
    }
    executor.endStream();
    const results = await executor.done;
    expect(probe.maxRunning).toBe(1);
    expect(probe.log).toEqual(["start 1", "end 1", "start 2", "end 2", "start 3", "end 3", "start 4", "end 4"]);
    expect(results.map((r) => [r.toolCallId, r.status])).toEqual([
      ["1", "ok"],
      ["2", "ok"],
      ["3", "ok"],
      ["4", "ok"],
    ]);
  });

  it("keeps the start order when calls end out of order in the stream", async () => {
    const probe = new OverlapProbe();
    const registry = new ToolRegistry([probe.tool("a", 1)]);
    const executor = new SequentialToolExecutor({ registry, ...multi });
    executor.handle(start("x", "a"));
    executor.handle(start("y", "a"));
    executor.handle(start("z", "a"));
    executor.handle(end("z", "a"));
    executor.handle(end("y", "a"));
    await macrotasks(5);
    // Nothing may run yet: the first call in start order has not ended.
    expect(probe.log).toEqual([]);
    executor.handle(end("x", "a"));
    executor.endStream();
    const results = await executor.done;
    expect(probe.log.filter((line) => line.startsWith("start"))).toEqual(["start x", "start y", "start z"]);
    expect(results.map((r) => r.toolCallId)).toEqual(["x", "y", "z"]);
    expect(probe.maxRunning).toBe(1);
  });

  it("orders calls without a start event by the order they ended", async () => {
    const probe = new OverlapProbe();
    const executor = new SequentialToolExecutor({ registry: new ToolRegistry([probe.tool("a", 1)]), ...multi });
    executor.handle(end("second-id", "a"));
    executor.handle(end("first-id", "a"));
    executor.endStream();
    expect((await executor.done).map((r) => r.toolCallId)).toEqual(["second-id", "first-id"]);
  });

  it("starts a call as soon as it ended in the stream, while later calls are still streaming", async () => {
    const gate = deferred();
    const calls: string[] = [];
    const tool = defineTool({
      name: "t",
      description: "",
      parameters: { type: "object" },
      execute: async (_input, ctx) => {
        calls.push(ctx.toolCallId);
        await gate.promise;
        return "ok";
      },
    });
    const executor = new SequentialToolExecutor({ registry: new ToolRegistry([tool]), ...multi });
    executor.handle(start("1", "t"));
    executor.handle(end("1", "t"));
    executor.handle(start("2", "t"));
    executor.handle({ type: "tool_call_delta", id: "2", delta: "{" });
    await macrotasks(1);
    expect(calls).toEqual(["1"]);
    executor.handle(end("2", "t"));
    gate.resolve();
    await macrotasks(2);
    expect(calls).toEqual(["1", "2"]);
    executor.endStream();
    expect((await executor.done).every((r) => r.status === "ok")).toBe(true);
  });

  it('waits for the end of the stream with startWhen: "stream_ended"', async () => {
    const probe = new OverlapProbe();
    const executor = new SequentialToolExecutor({
      registry: new ToolRegistry([probe.tool("a", 1)]),
      startWhen: "stream_ended",
      ...multi,
    });
    executor.handle(start("1", "a"));
    executor.handle(end("1", "a"));
    await macrotasks(3);
    expect(probe.log).toEqual([]);
    executor.endStream();
    await executor.done;
    expect(probe.log).toEqual(["start 1", "end 1"]);
  });

  it("records a timeline with injectable timestamps: queued, started, finished", async () => {
    let clock = 100;
    const tool = defineTool({
      name: "t",
      description: "",
      parameters: { type: "object" },
      execute: () => {
        clock += 10;
        return "ok";
      },
    });
    const seen: string[] = [];
    const executor = new SequentialToolExecutor({
      registry: new ToolRegistry([tool]),
      now: () => clock,
      onEvent: (event) => seen.push(`${event.type} ${event.toolCallId}`),
      ...multi,
    });
    executor.handle(start("1", "t"));
    clock = 105;
    executor.handle(end("1", "t"));
    executor.endStream();
    await executor.done;
    expect(executor.timeline).toEqual([
      { type: "queued", toolCallId: "1", name: "t", at: 100 },
      { type: "started", toolCallId: "1", name: "t", at: 105 },
      { type: "finished", toolCallId: "1", name: "t", at: 115, isError: false, status: "ok" },
    ]);
    expect(seen).toEqual(["queued 1", "started 1", "finished 1"]);
  });

  it("passes the call id, a signal and a progress channel to execute", async () => {
    const progress: unknown[] = [];
    const tool = defineTool({
      name: "t",
      description: "",
      parameters: { type: "object" },
      execute: (_input, ctx) => {
        ctx.reportProgress("half way");
        ctx.reportProgress({ percent: 100 });
        return `${ctx.toolCallId} ${ctx.signal.aborted}`;
      },
    });
    const executor = new SequentialToolExecutor({
      registry: new ToolRegistry([tool]),
      now: () => 7,
      onProgress: (p) => progress.push(p),
      ...multi,
    });
    executor.handle(end("call_1", "t"));
    executor.endStream();
    const [result] = await executor.done;
    expect(result?.content).toBe("call_1 false");
    expect(progress).toEqual([
      { toolCallId: "call_1", name: "t", message: "half way", at: 7 },
      { toolCallId: "call_1", name: "t", message: { percent: 100 }, at: 7 },
    ]);
  });

  it("keeps images and the tool's own error mark", async () => {
    const image = { type: "image" as const, source: { type: "url" as const, url: "https://example.test/a.png" } };
    const tool = defineTool({
      name: "shot",
      description: "",
      parameters: { type: "object" },
      execute: (input) => (input.fail ? { content: "no screen", isError: true } : { content: "", images: [image] }),
    });
    const executor = new SequentialToolExecutor({ registry: new ToolRegistry([tool]), ...multi });
    executor.handle(end("1", "shot"));
    executor.handle(end("2", "shot", { fail: 1 }));
    executor.endStream();
    const [ok, failed] = await executor.done;
    expect(ok).toEqual({
      toolCallId: "1",
      name: "shot",
      content: "(tool did not return anything)",
      isError: false,
      images: [image],
      status: "ok",
    });
    expect(failed).toMatchObject({ content: "no screen", isError: true, status: "error" });
  });

  it("settles done with no results when the stream carried no tool calls", async () => {
    const executor = new SequentialToolExecutor({ registry: new ToolRegistry([]) });
    executor.endStream();
    expect(await executor.done).toEqual([]);
  });
});
