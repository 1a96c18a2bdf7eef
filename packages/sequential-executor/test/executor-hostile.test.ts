import { conciseMessage } from "@parallel-tool-calls/core-metadata";
import { describe, expect, it } from "vitest";
import { defineTool, SequentialToolExecutor, ToolRegistry } from "../src/index.js";
import { end } from "./helpers.js";
import { hostileValues } from "./hostile-values.js";

const cases = hostileValues();

function runOne(execute: () => unknown, approve?: () => unknown) {
  const tool = defineTool({
    name: "t",
    description: "",
    parameters: { type: "object" },
    execute: execute as () => string,
  });
  const executor = new SequentialToolExecutor({
    registry: new ToolRegistry([tool]),
    // Two calls of a turn must both run whatever the shipped flag says: these tests are about values.
    parallelToolCalls: true,
    ...(approve ? { approve: approve as () => boolean } : {}),
  });
  executor.handle(end("call_1", "t"));
  executor.handle(end("call_2", "t"));
  executor.endStream();
  return executor.done;
}

describe("hostile thrown and returned values", () => {
  it.each(cases)("conciseMessage(%s) is one bounded line and never throws", (_name, make) => {
    const text = conciseMessage(make());
    expect(typeof text).toBe("string");
    expect(text).not.toContain("\n");
    expect(text.length).toBeLessThanOrEqual(300);
    expect(text).not.toContain("sk-live-0123456789abcdef");
  });

  it.each(cases)(
    "a tool throwing %s (sync and async) gets an error result and the next call runs",
    async (_n, make) => {
      for (const execute of [
        () => {
          throw make();
        },
        async () => {
          throw make();
        },
      ]) {
        const results = await runOne(execute);
        expect(results.map((r) => [r.toolCallId, r.status])).toEqual([
          ["call_1", "error"],
          ["call_2", "error"],
        ]);
        for (const r of results) expect(r.content).toMatch(/^Tool \[t\] failed: .+/);
      }
    },
  );

  it.each(cases)("a tool returning %s (sync, async, via reportResult) gets exactly one result", async (_n, make) => {
    for (const execute of [() => make(), async () => make()]) {
      const results = await runOne(execute);
      expect(results.map((r) => r.toolCallId)).toEqual(["call_1", "call_2"]);
      expect(results.map((r) => r.status)).toEqual(["error", "error"]);
    }
    const tool = defineTool({
      name: "t",
      description: "",
      parameters: { type: "object" },
      execute: (_input, ctx) => {
        ctx.reportResult(make() as string);
        return "late";
      },
    });
    const executor = new SequentialToolExecutor({ registry: new ToolRegistry([tool]) });
    executor.handle(end("call_1", "t"));
    executor.endStream();
    expect((await executor.done).map((r) => r.status)).toEqual(["error"]);
  });

  it.each(cases)("approve throwing or returning %s denies or fails the call, never the turn", async (_n, make) => {
    for (const approve of [
      () => make(),
      () => {
        throw make();
      },
      async () => {
        throw make();
      },
    ]) {
      const results = await runOne(() => "ran", approve);
      expect(results).toHaveLength(2);
      expect(results[0]?.status).toMatch(/^(denied|error)$/);
    }
  });

  it.each(cases)("failStream(%s) answers every pending call", async (_n, make) => {
    const tool = defineTool({ name: "t", description: "", parameters: { type: "object" }, execute: () => "ok" });
    const executor = new SequentialToolExecutor({ registry: new ToolRegistry([tool]), startWhen: "stream_ended" });
    executor.handle(end("call_1", "t"));
    executor.failStream(make());
    const results = await executor.done;
    expect(results.map((r) => r.status)).toEqual(["stream_failed"]);
    expect(results[0]?.content).not.toContain("\n");
  });
});
