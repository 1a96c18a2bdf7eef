import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { describe, expect, it } from "vitest";
import { defineTool, SequentialToolExecutor, ToolRegistry } from "../src/index.js";
import { end, OverlapProbe, start } from "./helpers.js";

// Explicitly off: the reverted behaviour must hold whatever the shipped flag says.
const OFF = false;

const SINGLE_TOOL_TEXT =
  "Tool [work] was not executed because a tool has already been used in this message. Only one tool may be used per message. You must assess the first tool's result before proceeding to use the next tool.";

function runThree(parallelToolCalls?: boolean) {
  const probe = new OverlapProbe();
  const registry = new ToolRegistry([probe.tool("work", 1)]);
  const executor = new SequentialToolExecutor(
    parallelToolCalls === undefined ? { registry } : { registry, parallelToolCalls },
  );
  for (const id of ["1", "2", "3"]) {
    executor.handle(start(id, "work"));
    executor.handle(end(id, "work"));
  }
  executor.endStream();
  return { probe, done: executor.done };
}

describe("parallelToolCalls (reverted behaviour)", () => {
  it("takes its default from PARALLEL_TOOL_CALLS", async () => {
    const { probe, done } = runThree();
    const results = await done;
    expect(results.map((r) => r.toolCallId)).toEqual(["1", "2", "3"]);
    const later = PARALLEL_TOOL_CALLS ? "ok" : "single_tool_limit";
    expect(results.map((r) => r.status)).toEqual(["ok", later, later]);
    expect(probe.log.filter((l) => l.startsWith("start"))).toHaveLength(PARALLEL_TOOL_CALLS ? 3 : 1);
  });

  it("when off, runs the first call and answers every later one with the single-tool error", async () => {
    const { probe, done } = runThree(OFF);
    const results = await done;
    expect(results.map((r) => r.status)).toEqual(["ok", "single_tool_limit", "single_tool_limit"]);
    expect(results[1]).toMatchObject({ isError: true, content: SINGLE_TOOL_TEXT });
    expect(probe.log).toEqual(["start 1", "end 1"]);
  });

  it("when off, a call that could not run does not use up the turn's one tool", async () => {
    const probe = new OverlapProbe();
    const registry = new ToolRegistry([probe.tool("work", 1)]);
    const executor = new SequentialToolExecutor({ registry, parallelToolCalls: OFF });
    executor.handle(end("1", "nope"));
    executor.handle(end("2", "work"));
    executor.handle(end("3", "work"));
    executor.endStream();
    expect((await executor.done).map((r) => r.status)).toEqual(["unknown_tool", "ok", "single_tool_limit"]);
  });

  it("when off, later calls are still answered if the first one is denied", async () => {
    const tool = defineTool({ name: "work", description: "", parameters: { type: "object" }, execute: () => "ran" });
    const executor = new SequentialToolExecutor({
      registry: new ToolRegistry([tool]),
      parallelToolCalls: OFF,
      approve: () => false,
    });
    executor.handle(end("1", "work"));
    executor.handle(end("2", "work"));
    executor.endStream();
    expect((await executor.done).map((r) => r.status)).toEqual(["denied", "skipped"]);
  });
});
