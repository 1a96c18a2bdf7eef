import type { ApiHandlerCreateMessageMetadata, ProviderSettings } from "@parallel-tool-calls/core-metadata";
import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { describe, expect, it } from "vitest";
import { buildOpenRouterParams, buildProviderRouting, buildReasoning } from "../src/index.js";
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
