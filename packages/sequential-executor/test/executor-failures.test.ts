import type { ApiStreamToolCallEndChunk } from "@parallel-tool-calls/core-metadata";
import { describe, expect, it } from "vitest";
import {
  defineTool,
  ExecutorStateError,
  SequentialToolExecutor,
  type SequentialToolExecutorOptions,
  ToolRegistry,
  type ToolResult,
} from "../src/index.js";
import { deferred, end, macrotasks, OverlapProbe, start, unparsedEnd } from "./helpers.js";

const multi = { parallelToolCalls: true } as const;

function setup(extra: Partial<SequentialToolExecutorOptions> = {}) {
  const probe = new OverlapProbe();
  const boom = defineTool({
    name: "boom",
    description: "always throws",
    parameters: { type: "object" },
    execute: () => {
      throw new Error("disk on fire\n    at secretFunction (/home/user/app.js:1:1)");
    },
  });
  const strict = defineTool({
    name: "strict",
    description: "needs a path",
    parameters: { type: "object", properties: { path: { type: "string" } }, required: ["path"] },
    execute: (input) => `read ${String(input.path)}`,
  });
  const registry = new ToolRegistry([probe.tool("work", 2), boom, strict]);
  const executor = new SequentialToolExecutor({ registry, ...multi, ...extra });
  return { probe, executor };
}

function feed(executor: SequentialToolExecutor, ends: ApiStreamToolCallEndChunk[]) {
  for (const event of ends) executor.handle(start(event.id, event.name));
  for (const event of ends) executor.handle(event);
}

function statuses(results: ToolResult[]) {
  return results.map((r) => `${r.toolCallId}:${r.status}`);
}

function expectOneResultPerId(results: ToolResult[], ids: string[]) {
  expect(results.map((r) => r.toolCallId)).toEqual(ids);
  for (const result of results) {
    expect(result.content.length).toBeGreaterThan(0);
    expect(result.isError).toBe(result.status !== "ok");
    expect(result.content).not.toMatch(/\n\s+at /);
  }
}

// One failing call in the middle of a batch of five, for every way a call can fail.
const middleFailures: Array<{ label: string; third: ApiStreamToolCallEndChunk; status: ToolResult["status"] }> = [
  { label: "tool throws", third: end("c3", "boom"), status: "error" },
  { label: "unknown tool", third: end("c3", "no_such_tool"), status: "unknown_tool" },
  { label: "arguments did not parse", third: unparsedEnd("c3", "work"), status: "invalid" },
  { label: "input fails the schema", third: end("c3", "strict", { path: 42 }), status: "invalid" },
];

describe("SequentialToolExecutor failures", () => {
  for (const { label, third, status } of middleFailures) {
    it(`${label} in the middle of five: an error result, later calls still run`, async () => {
      const { executor, probe } = setup();
      feed(executor, [end("c1", "work"), end("c2", "work"), third, end("c4", "work"), end("c5", "work")]);
      executor.endStream();
      const results = await executor.done;
      expectOneResultPerId(results, ["c1", "c2", "c3", "c4", "c5"]);
      expect(statuses(results)).toEqual(["c1:ok", "c2:ok", `c3:${status}`, "c4:ok", "c5:ok"]);
      expect(probe.log.filter((l) => l.startsWith("start"))).toEqual(["start c1", "start c2", "start c4", "start c5"]);
      expect(probe.maxRunning).toBe(1);
    });
  }

  it("reports a throw concisely: first line only, no stack trace", async () => {
    const { executor } = setup();
    feed(executor, [end("1", "boom")]);
    executor.endStream();
    const [result] = await executor.done;
    expect(result?.content).toBe("Tool [boom] failed: disk on fire");
  });

  it("masks credentials a failing tool puts in its message", async () => {
    const leaky = defineTool({
      name: "leaky",
      description: "",
      parameters: { type: "object" },
      execute: async () => {
        throw new Error("401 for key sk-live-abcdefghijklmnop with Authorization: Bearer tok.en-123");
      },
    });
    const executor = new SequentialToolExecutor({ registry: new ToolRegistry([leaky]), ...multi });
    executor.handle(end("1", "leaky"));
    executor.endStream();
    const [result] = await executor.done;
    expect(result?.content).not.toContain("abcdefghijklmnop");
    expect(result?.content).not.toContain("tok.en-123");
    expect(result?.content).toContain("[redacted]");
  });

  it("names the unparsed-arguments reason and the schema violation", async () => {
    const { executor } = setup();
    feed(executor, [unparsedEnd("1", "work"), end("2", "strict", {})]);
    executor.endStream();
    const [unparsed, invalid] = await executor.done;
    expect(unparsed?.content).toContain("invalid_json");
    expect(invalid?.content).toContain("must have required property 'path'");
  });

  it("denial in the middle of five: denied result, every later call skipped, nothing later runs", async () => {
    const asked: string[] = [];
    const { executor, probe } = setup({
      approve: async (call) => {
        asked.push(call.id);
        return call.id !== "c3";
      },
    });
    feed(
      executor,
      ["c1", "c2", "c3", "c4", "c5"].map((id) => end(id, "work")),
    );
    executor.endStream();
    const results = await executor.done;
    expectOneResultPerId(results, ["c1", "c2", "c3", "c4", "c5"]);
    expect(statuses(results)).toEqual(["c1:ok", "c2:ok", "c3:denied", "c4:skipped", "c5:skipped"]);
    expect(results[3]?.content).toBe("Skipping tool [work] due to user rejecting a previous tool.");
    expect(asked).toEqual(["c1", "c2", "c3"]);
    expect(probe.log.filter((l) => l.startsWith("start"))).toEqual(["start c1", "start c2"]);
  });

  it("asks for approval in order, one call at a time, only for valid calls", async () => {
    const asked: string[] = [];
    const { executor, probe } = setup({
      approve: (call) => {
        asked.push(`${call.id} running=${probe.running}`);
        return true;
      },
    });
    feed(executor, [end("1", "work"), end("2", "strict", {}), end("3", "work")]);
    executor.endStream();
    await executor.done;
    expect(asked).toEqual(["1 running=0", "3 running=0"]);
  });

  it("treats an approval hook that throws as an error for that call only", async () => {
    const { executor } = setup({
      approve: (call) => {
        if (call.id === "1") throw new Error("prompt closed");
        return true;
      },
    });
    feed(executor, [end("1", "work"), end("2", "work")]);
    executor.endStream();
    expect(statuses(await executor.done)).toEqual(["1:error", "2:ok"]);
  });

  it("abort in the middle of five: the running tool sees the signal, every unfinished call is interrupted", async () => {
    const seenAbort = deferred<boolean>();
    const release = deferred();
    const slow = defineTool({
      name: "slow",
      description: "",
      parameters: { type: "object" },
      execute: async (_input, ctx) => {
        ctx.signal.addEventListener("abort", () => seenAbort.resolve(true));
        await release.promise;
        return "finished anyway";
      },
    });
    const probe = new OverlapProbe();
    const executor = new SequentialToolExecutor({
      registry: new ToolRegistry([probe.tool("work", 1), slow]),
      ...multi,
    });
    feed(executor, [end("c1", "work"), end("c2", "work"), end("c3", "slow"), end("c4", "work"), end("c5", "work")]);
    await macrotasks(6);
    executor.abort("user pressed stop");
    expect(await seenAbort.promise).toBe(true);
    const results = await executor.done;
    expectOneResultPerId(results, ["c1", "c2", "c3", "c4", "c5"]);
    expect(statuses(results)).toEqual(["c1:ok", "c2:ok", "c3:interrupted", "c4:interrupted", "c5:interrupted"]);
    release.resolve();
    await executor.whenIdle();
    // The late return of the aborted tool does not replace its result, and nothing started after the abort.
    expect(executor.results[2]?.content).toBe("Tool [slow] was interrupted before it finished.");
    expect(probe.log.filter((l) => l.startsWith("start"))).toEqual(["start c1", "start c2"]);
    // Events after an abort are ignored.
    executor.handle(end("c6", "work"));
    expect(executor.results).toHaveLength(5);
  });

  it("aborts through the signal option, also when it is aborted before the executor exists", async () => {
    const controller = new AbortController();
    const { executor } = setup({ signal: controller.signal });
    feed(executor, [end("1", "work"), end("2", "work")]);
    controller.abort();
    expect(statuses(await executor.done)).toEqual(["1:interrupted", "2:interrupted"]);

    const early = setup({ signal: AbortSignal.abort() }).executor;
    early.handle(end("x", "work"));
    expect(await early.done).toEqual([]);
  });

  it("stream failure in the middle of five: the running tool finishes, the rest never run", async () => {
    const release = deferred();
    const slow = defineTool({
      name: "slow",
      description: "",
      parameters: { type: "object" },
      execute: async () => {
        await release.promise;
        return "slow result";
      },
    });
    const probe = new OverlapProbe();
    const executor = new SequentialToolExecutor({
      registry: new ToolRegistry([probe.tool("work", 1), slow]),
      ...multi,
    });
    feed(executor, [end("c1", "work"), end("c2", "slow"), end("c3", "work"), end("c4", "work")]);
    executor.handle(start("c5", "work"));
    await macrotasks(4);
    executor.failStream(new Error("finish_reason: length"));
    // Results for calls that had not started are fixed at once.
    expect(statuses(executor.results)).toEqual(["c1:ok", "c3:stream_failed", "c4:stream_failed", "c5:stream_failed"]);
    release.resolve();
    const results = await executor.done;
    expectOneResultPerId(results, ["c1", "c2", "c3", "c4", "c5"]);
    expect(statuses(results)).toEqual(["c1:ok", "c2:ok", "c3:stream_failed", "c4:stream_failed", "c5:stream_failed"]);
    expect(results[2]?.content).toContain("finish_reason: length");
    expect(probe.log.filter((l) => l.startsWith("start"))).toEqual(["start c1"]);
    expect(() => executor.handle(end("c6", "work"))).toThrow(ExecutorStateError);
  });

  it("answers a call whose arguments never finished streaming", async () => {
    const { executor } = setup();
    executor.handle(start("1", "work"));
    executor.handle(start("2", "work"));
    executor.handle(end("2", "work"));
    executor.endStream();
    const results = await executor.done;
    expect(statuses(results)).toEqual(["1:invalid", "2:ok"]);
    expect(results[0]?.content).toContain("never finished streaming");
  });

  it("keeps the first result of a tool that reports twice", async () => {
    const twice = defineTool({
      name: "twice",
      description: "",
      parameters: { type: "object" },
      execute: async (_input, ctx) => {
        ctx.reportResult("first");
        ctx.reportResult({ content: "second", isError: true });
        return "third";
      },
    });
    const executor = new SequentialToolExecutor({ registry: new ToolRegistry([twice]), ...multi });
    executor.handle(end("1", "twice"));
    executor.endStream();
    const results = await executor.done;
    expect(results).toEqual([{ toolCallId: "1", name: "twice", content: "first", isError: false, status: "ok" }]);
    expect(executor.timeline.filter((e) => e.type === "finished")).toHaveLength(1);
  });

  it("ignores a duplicate tool_call_end (and start) for the same id", async () => {
    const { executor, probe } = setup();
    executor.handle(start("1", "work"));
    executor.handle(end("1", "work"));
    executor.handle(start("1", "work"));
    executor.handle(end("1", "work"));
    await macrotasks(5);
    executor.handle(end("1", "work"));
    executor.endStream();
    const results = await executor.done;
    expect(results.map((r) => r.toolCallId)).toEqual(["1"]);
    expect(probe.log).toEqual(["start 1", "end 1"]);
  });

  it("runs a call once, with the arguments of its first tool_call_end", async () => {
    const inputs: unknown[] = [];
    const echo = defineTool({
      name: "echo",
      description: "",
      parameters: { type: "object" },
      execute: (input) => {
        inputs.push(input);
        return JSON.stringify(input);
      },
    });
    const executor = new SequentialToolExecutor({
      registry: new ToolRegistry([echo]),
      startWhen: "stream_ended",
      ...multi,
    });
    executor.handle(end("1", "echo", { v: 1 }));
    executor.handle(end("1", "echo", { v: 2 }));
    executor.endStream();
    expect((await executor.done).map((r) => r.content)).toEqual(['{"v":1}']);
    expect(inputs).toEqual([{ v: 1 }]);
  });

  it("turns a result that is not a ToolOutput into an error result", async () => {
    const bad = defineTool({
      name: "bad",
      description: "",
      parameters: { type: "object" },
      execute: () => 42 as unknown as string,
    });
    const executor = new SequentialToolExecutor({ registry: new ToolRegistry([bad]), ...multi });
    executor.handle(end("1", "bad"));
    executor.endStream();
    expect(statuses(await executor.done)).toEqual(["1:error"]);
  });

  it("rejects malformed events with a typed error and keeps its state", async () => {
    const { executor } = setup();
    const error = (() => {
      try {
        executor.handle({ type: "tool_call_stop", id: "1" } as never);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ExecutorStateError);
    expect((error as ExecutorStateError).code).toBe("invalid_event");
    executor.handle(end("1", "work"));
    executor.endStream();
    expect(statuses(await executor.done)).toEqual(["1:ok"]);
  });

  it("survives observers that throw", async () => {
    const { executor } = setup({
      onEvent: () => {
        throw new Error("ui crashed");
      },
    });
    feed(executor, [end("1", "work"), end("2", "boom")]);
    executor.endStream();
    expect(statuses(await executor.done)).toEqual(["1:ok", "2:error"]);
  });
});
