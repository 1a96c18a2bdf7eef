import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { describe, expect, it } from "vitest";
import { buildCreateMessageMetadata, type ChatCompletionTool, resolveToolProtocol } from "../src/index.js";

const readFile: ChatCompletionTool = {
  type: "function",
  function: {
    name: "read_file",
    description: "Read a file",
    parameters: { type: "object", properties: { path: { type: "string" } }, required: ["path"] },
  },
};

describe("resolveToolProtocol", () => {
  it("is native unless the settings say xml", () => {
    expect(resolveToolProtocol()).toBe("native");
    expect(resolveToolProtocol(null)).toBe("native");
    expect(resolveToolProtocol({})).toBe("native");
    expect(resolveToolProtocol({ toolProtocol: "native" })).toBe("native");
    expect(resolveToolProtocol({ toolProtocol: "xml" })).toBe("xml");
  });
});

describe("buildCreateMessageMetadata", () => {
  it("adds tools, tool_choice auto, the protocol and the flag for native tools", () => {
    const metadata = buildCreateMessageMetadata({ taskId: "t1", mode: "code", tools: [readFile] });
    expect(metadata).toEqual({
      taskId: "t1",
      mode: "code",
      tools: [readFile],
      tool_choice: "auto",
      toolProtocol: "native",
      parallelToolCalls: PARALLEL_TOOL_CALLS,
    });
  });

  it("takes parallelToolCalls from the temp flag, not from a literal", () => {
    const metadata = buildCreateMessageMetadata({ taskId: "t1", tools: [readFile] });
    expect(metadata.parallelToolCalls).toBe(PARALLEL_TOOL_CALLS);
  });

  it("omits every tool field when the tools array is empty or missing", () => {
    for (const tools of [undefined, []]) {
      const metadata = buildCreateMessageMetadata({ taskId: "t2", tools });
      expect(metadata).toEqual({ taskId: "t2" });
      expect("parallelToolCalls" in metadata).toBe(false);
      expect("tool_choice" in metadata).toBe(false);
    }
  });

  it("omits every tool field under the xml protocol, from settings or a locked task protocol", () => {
    const fromSettings = buildCreateMessageMetadata({
      taskId: "t3",
      tools: [readFile],
      settings: { toolProtocol: "xml" },
    });
    const locked = buildCreateMessageMetadata({ taskId: "t3", tools: [readFile], toolProtocol: "xml" });
    expect(fromSettings).toEqual({ taskId: "t3" });
    expect(locked).toEqual({ taskId: "t3" });
  });

  it("lets a task's locked protocol win over the settings", () => {
    const metadata = buildCreateMessageMetadata({
      taskId: "t4",
      tools: [readFile],
      toolProtocol: "native",
      settings: { toolProtocol: "xml" },
    });
    expect(metadata.toolProtocol).toBe("native");
    expect(metadata.tools).toHaveLength(1);
  });

  it("copies the tools array so later edits by the caller do not leak into a sent request", () => {
    const tools = [readFile];
    const metadata = buildCreateMessageMetadata({ taskId: "t5", tools });
    tools.push({ type: "function", function: { name: "other" } });
    expect(metadata.tools).toHaveLength(1);
  });

  it("passes through the identifying fields and marks subtasks as parallel-agent", () => {
    const metadata = buildCreateMessageMetadata({
      taskId: "child",
      parentTaskId: "parent",
      projectId: "proj",
      suppressPreviousResponseId: true,
    });
    expect(metadata).toEqual({
      taskId: "child",
      projectId: "proj",
      suppressPreviousResponseId: true,
      feature: "parallel-agent",
    });
    expect(buildCreateMessageMetadata({ taskId: "x", parentTaskId: "p", feature: "autocomplete" }).feature).toBe(
      "autocomplete",
    );
  });
});
