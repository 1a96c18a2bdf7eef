import type {
  ApiHandlerCreateMessageMetadata,
  MessageParam,
  ProviderSettings,
} from "@parallel-tool-calls/core-metadata";
import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { describe, expect, it } from "vitest";
import { buildOpenRouterParams } from "../src/openrouter-params.js";
import { buildProviderRouting } from "../src/provider-routing.js";
import { buildReasoning } from "../src/reasoning-params.js";
import { hello, readFileTool } from "./helpers.js";

const tools: ApiHandlerCreateMessageMetadata = { taskId: "t", tools: [readFileTool], toolProtocol: "native" };
const base = { modelId: "openai/gpt-5", systemPrompt: "sys", messages: hello };

describe("buildOpenRouterParams", () => {
  it("builds the whole body: model, system + history, streaming with usage, temperature", () => {
    expect(buildOpenRouterParams({ ...base, settings: {} })).toEqual({
      model: "openai/gpt-5",
      messages: [
        { role: "system", content: "sys" },
        { role: "user", content: "hello" },
      ],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0,
    });
  });

  it("adds tools, tool_choice and parallel_tool_calls from the flag together, only with native tools", () => {
    const withTools = buildOpenRouterParams({ ...base, settings: {}, metadata: tools });
    expect(withTools).toMatchObject({ tools: [readFileTool], tool_choice: "auto" });
    expect(withTools.parallel_tool_calls).toBe(PARALLEL_TOOL_CALLS);
    const required = buildOpenRouterParams({ ...base, settings: {}, metadata: { ...tools, tool_choice: "required" } });
    expect(required.tool_choice).toBe("required");
    const cases: Array<[ProviderSettings, ApiHandlerCreateMessageMetadata]> = [
      [{}, { taskId: "t" }],
      [{}, { taskId: "t", tools: [] }],
      [{ toolProtocol: "xml" }, tools],
      [{}, { ...tools, toolProtocol: "xml" }],
    ];
    for (const [settings, metadata] of cases) {
      const params = buildOpenRouterParams({ ...base, settings, metadata });
      expect(Object.keys(params).filter((k) => k.startsWith("tool") || k === "parallel_tool_calls")).toEqual([]);
    }
  });

  it("sends max_tokens only when positive and honours the temperature setting", () => {
    expect(buildOpenRouterParams({ ...base, settings: { modelMaxTokens: 2048, modelTemperature: 0.7 } })).toMatchObject(
      { max_tokens: 2048, temperature: 0.7 },
    );
    for (const modelMaxTokens of [0, -1, undefined]) {
      expect("max_tokens" in buildOpenRouterParams({ ...base, settings: { modelMaxTokens } })).toBe(false);
    }
  });

  it("adds provider routing and reasoning from the settings", () => {
    const params = buildOpenRouterParams({
      ...base,
      settings: { openRouterSpecificProvider: "anthropic", openRouterZdr: true, reasoningEffort: "high" },
    });
    expect(params.provider).toEqual({ order: ["anthropic"], zdr: true });
    expect(params.reasoning).toEqual({ effort: "high" });
  });
});

describe("buildOpenRouterParams history rules", () => {
  const history: MessageParam[] = [
    { role: "user", content: "go" },
    {
      role: "assistant",
      content: [{ type: "tool_use", id: "functions.read_file:0", name: "read_file", input: {} }],
      reasoning_details: [{ type: "reasoning.text", text: "thought", index: 0 }],
    },
    { role: "user", content: [{ type: "tool_result", tool_use_id: "functions.read_file:0", content: "x" }] },
  ];
  const body = (modelId: string) => buildOpenRouterParams({ ...base, modelId, messages: history, settings: {} });
  const assistant = (modelId: string) => body(modelId).messages.find((m) => m.role === "assistant");

  it("sends reasoning_details back, adding Gemini's one placeholder when no signature is among them", () => {
    expect(assistant("openai/gpt-5")?.reasoning_details).toEqual([
      { type: "reasoning.text", text: "thought", index: 0 },
    ]);
    expect(assistant("google/gemini-3-pro-preview")?.reasoning_details).toEqual([
      { type: "reasoning.text", text: "thought", index: 0 },
      expect.objectContaining({ type: "reasoning.encrypted", id: "functions_read_file_0", index: 0 }),
    ]);
  });

  it("adds cache breakpoints for Claude only, and Mistral's id shape for mistralai/*", () => {
    expect(JSON.stringify(body("anthropic/claude-sonnet-4.5").messages).match(/cache_control/g)).toHaveLength(3);
    expect(JSON.stringify(body("openai/gpt-5").messages)).not.toContain("cache_control");
    expect(assistant("mistralai/devstral-medium")?.tool_calls?.[0]?.id).toMatch(/^[a-zA-Z0-9]{9}$/);
  });
});

describe("buildProviderRouting", () => {
  it("orders a specific provider, passes data collection, sort and zdr, and is absent when empty", () => {
    expect(buildProviderRouting({ openRouterSpecificProvider: "deepinfra" })).toEqual({ order: ["deepinfra"] });
    expect(
      buildProviderRouting({
        openRouterProviderDataCollection: "deny",
        openRouterProviderSort: "price",
        openRouterZdr: false,
      }),
    ).toEqual({ data_collection: "deny", sort: "price", zdr: false });
    expect(buildProviderRouting({ openRouterSpecificProvider: "[default]" })).toBeUndefined();
    expect(buildProviderRouting({})).toBeUndefined();
  });
});

describe("buildReasoning", () => {
  it("prefers a positive thinking budget over an effort level", () => {
    expect(buildReasoning({ modelMaxThinkingTokens: 4000, reasoningEffort: "low" })).toEqual({ max_tokens: 4000 });
    expect(buildReasoning({ modelMaxThinkingTokens: 0, reasoningEffort: "low" })).toEqual({ effort: "low" });
    expect(buildReasoning({})).toBeUndefined();
  });
});
