import type OpenAI from "openai";
import { describe, expect, it } from "vitest";
import {
  type ApiHandlerCreateMessageMetadata,
  buildCreateMessageMetadata,
  type ChatCompletionTool,
} from "../src/index.js";

// Compile-time proof (tsc runs over tests) that the structural tool types fit the SDK's request
// parameters, so handlers can pass metadata through without casts.
function toSdkParams(
  metadata: ApiHandlerCreateMessageMetadata,
): Partial<OpenAI.Chat.ChatCompletionCreateParamsStreaming> {
  const params: Partial<OpenAI.Chat.ChatCompletionCreateParamsStreaming> = {};
  if (metadata.tools) params.tools = metadata.tools;
  if (metadata.tool_choice) params.tool_choice = metadata.tool_choice;
  if (metadata.parallelToolCalls !== undefined) params.parallel_tool_calls = metadata.parallelToolCalls;
  return params;
}

describe("structural OpenAI types", () => {
  it("map onto SDK request params field by field", () => {
    const tool: ChatCompletionTool = {
      type: "function",
      function: { name: "list_files", parameters: { type: "object" } },
    };
    const params = toSdkParams(buildCreateMessageMetadata({ taskId: "t", tools: [tool] }));
    expect(params.tools).toEqual([tool]);
    expect(params.tool_choice).toBe("auto");
    expect(typeof params.parallel_tool_calls).toBe("boolean");
  });
});
