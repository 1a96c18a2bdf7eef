import type { ApiProvider, ProviderSettings } from "@parallel-tool-calls/core-metadata";
import { OpenAICompatibleHandler, ProviderConfigError } from "@parallel-tool-calls/provider-helpers";
import { OpenAiNativeHandler } from "@parallel-tool-calls/provider-openai-native";
import { KilocodeOpenrouterHandler, OpenRouterHandler } from "@parallel-tool-calls/provider-openrouter";
import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { chunk, responsesStream } from "@parallel-tool-calls/testing";
import { describe, expect, it } from "vitest";
import { buildApiHandler } from "../src/index.js";
import { collect, hello, readFileTool, useServer } from "./helpers.js";

const ctx = useServer();

describe("buildApiHandler", () => {
  it("picks OpenRouter for openrouter and when unset, Kilocode for kilocode", () => {
    const openrouter = buildApiHandler({ apiProvider: "openrouter" });
    expect(openrouter).toBeInstanceOf(OpenRouterHandler);
    expect(openrouter).not.toBeInstanceOf(KilocodeOpenrouterHandler);
    expect(buildApiHandler({})).toBeInstanceOf(OpenRouterHandler);
    expect(buildApiHandler({ apiProvider: "kilocode", kilocodeToken: "t" })).toBeInstanceOf(KilocodeOpenrouterHandler);
  });

  it.each(["openai-compatible", "deepinfra", "lmstudio", "inception", "ollama", "vllm", "llamacpp"] as const)(
    "picks the OpenAI-compatible handler for %s",
    (apiProvider: ApiProvider) => {
      const handler = buildApiHandler({
        apiProvider,
        openAiBaseUrl: "http://127.0.0.1:9/v1",
        openAiApiKey: "k",
        openAiModelId: "m",
      });
      expect(handler).toBeInstanceOf(OpenAICompatibleHandler);
      expect(handler.getModel().id).toBe("m");
    },
  );

  it("picks the Responses handler for openai-native, with its settings", () => {
    const handler = buildApiHandler({ apiProvider: "openai-native", openAiNativeApiKey: "k", apiModelId: "gpt-5.1" });
    expect(handler).toBeInstanceOf(OpenAiNativeHandler);
    expect(handler.getModel().id).toBe("gpt-5.1");
  });

  it("rejects an unknown provider with a typed error", () => {
    expect(() => buildApiHandler({ apiProvider: "bedrock" } as unknown as ProviderSettings)).toThrow(
      ProviderConfigError,
    );
    try {
      buildApiHandler({ apiProvider: "bedrock" } as unknown as ProviderSettings);
    } catch (error) {
      expect((error as ProviderConfigError).code).toBe("unknown_provider");
    }
  });

  it("every built handler sends the flag with tools over HTTP", async () => {
    const url = ctx.server.baseUrl;
    const settings: ProviderSettings[] = [
      { apiProvider: "openrouter", openRouterBaseUrl: url, openRouterApiKey: "k" },
      { apiProvider: "kilocode", kilocodeBaseUrl: url, kilocodeToken: "k" },
      { apiProvider: "vllm", openAiBaseUrl: url, openAiModelId: "m" },
    ];
    for (const s of settings) {
      ctx.server.enqueue({ kind: "stream", events: [{ data: chunk({ content: "ok" }) }] });
      await collect(
        buildApiHandler(s, { kilocode: { version: "1.2.3" } }).createMessage("s", hello, {
          taskId: "t",
          tools: [readFileTool],
        }),
      );
    }
    ctx.server.enqueue(responsesStream([{ type: "message", text: "ok" }]));
    await collect(
      buildApiHandler({ apiProvider: "openai-native", openAiNativeBaseUrl: url, apiModelId: "gpt-5.1" }).createMessage(
        "s",
        hello,
        { taskId: "t", tools: [readFileTool] },
      ),
    );
    expect(ctx.server.requests.map((r) => r.body.parallel_tool_calls)).toEqual([
      PARALLEL_TOOL_CALLS,
      PARALLEL_TOOL_CALLS,
      PARALLEL_TOOL_CALLS,
      PARALLEL_TOOL_CALLS,
    ]);
    expect(ctx.server.requests[3]?.path).toBe("/v1/responses");
    expect(ctx.server.requests[1]?.headers["x-kilocode-version"]).toBe("1.2.3");
  });
});
