import { type ApiHandlerCreateMessageMetadata, buildCreateMessageMetadata } from "@parallel-tool-calls/core-metadata";
import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { describe, expect, it } from "vitest";
import { addNativeToolCallsToParams } from "../src/index.js";
import { nativeToolFields } from "../src/native-tool-params.js";
import { readFileTool } from "./helpers.js";

const withTools: ApiHandlerCreateMessageMetadata = { taskId: "t", tools: [readFileTool], toolProtocol: "native" };

describe("addNativeToolCallsToParams", () => {
  it("adds tools, tool_choice auto and parallel_tool_calls from the flag, mutating the params", () => {
    const params: Record<string, unknown> = { model: "m" };
    const result = addNativeToolCallsToParams(params, {}, withTools);
    expect(result).toBe(params);
    expect(params).toEqual({
      model: "m",
      tools: [readFileTool],
      tool_choice: "auto",
      parallel_tool_calls: PARALLEL_TOOL_CALLS,
    });
  });

  it("sends metadata.parallelToolCalls (what buildCreateMessageMetadata copies from the flag) when it is set", () => {
    const built = buildCreateMessageMetadata({ taskId: "t", tools: [readFileTool] });
    expect(nativeToolFields({}, built)?.parallel_tool_calls).toBe(PARALLEL_TOOL_CALLS);
    const other = { ...withTools, parallelToolCalls: !PARALLEL_TOOL_CALLS };
    expect(nativeToolFields({}, other)?.parallel_tool_calls).toBe(!PARALLEL_TOOL_CALLS);
  });

  it("adds nothing without tools, with an empty tool list, or without metadata", () => {
    for (const metadata of [{ taskId: "t" }, { taskId: "t", tools: [] }, undefined]) {
      const params = addNativeToolCallsToParams({ model: "m" }, {}, metadata);
      expect(params).toEqual({ model: "m" });
      expect("parallel_tool_calls" in params).toBe(false);
    }
  });

  it("adds nothing when the settings or the metadata select the xml protocol", () => {
    expect(addNativeToolCallsToParams({ model: "m" }, { toolProtocol: "xml" }, withTools)).toEqual({ model: "m" });
    expect(addNativeToolCallsToParams({ model: "m" }, {}, { ...withTools, toolProtocol: "xml" })).toEqual({
      model: "m",
    });
  });

  it("treats missing settings as the native protocol", () => {
    expect(addNativeToolCallsToParams({}, null, withTools).parallel_tool_calls).toBe(PARALLEL_TOOL_CALLS);
    expect(addNativeToolCallsToParams({}, undefined, withTools).tools).toEqual([readFileTool]);
  });

  it("never overwrites tools already set (and then adds no flag either)", () => {
    const own = [{ type: "function" as const, function: { name: "own" } }];
    const params = addNativeToolCallsToParams({ tools: own }, {}, withTools);
    expect(params.tools).toBe(own);
    expect("parallel_tool_calls" in params).toBe(false);
    expect("tool_choice" in params).toBe(false);
  });

  it("nativeToolFields returns all three fields together or nothing", () => {
    expect(nativeToolFields({}, withTools)).toEqual({
      tools: [readFileTool],
      tool_choice: "auto",
      parallel_tool_calls: PARALLEL_TOOL_CALLS,
    });
    expect(nativeToolFields({}, { taskId: "t" })).toBeUndefined();
  });
});
