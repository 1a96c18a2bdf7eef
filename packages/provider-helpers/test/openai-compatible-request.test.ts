import type { MessageParam } from "@parallel-tool-calls/core-metadata";
import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { chunk } from "@parallel-tool-calls/testing";
import { describe, expect, it } from "vitest";
import { OpenAICompatibleHandler, ProviderConfigError, ProviderHttpError } from "../src/index.js";
import { collect, collectUntilError, hello, readFileTool, useServer } from "./helpers.js";

const ctx = useServer();
const ok = () => ({ kind: "stream" as const, events: [{ data: chunk({ content: "ok", finish_reason: "stop" }) }] });

function handler(extra: Record<string, unknown> = {}) {
  return new OpenAICompatibleHandler({
    apiProvider: "openai-compatible",
    openAiBaseUrl: ctx.server.baseUrl,
    openAiApiKey: "sk-compat-secret-123",
    openAiModelId: "qwen/qwen3-coder",
    ...extra,
  });
}

describe("OpenAICompatibleHandler request", () => {
  it("sends tools, tool_choice auto and parallel_tool_calls equal to the flag", async () => {
    ctx.server.enqueue(ok());
    await collect(
      handler().createMessage("sys", hello, { taskId: "t", tools: [readFileTool], toolProtocol: "native" }),
    );
    const [request] = ctx.server.requests;
    expect(request?.path).toBe("/v1/chat/completions");
    expect(request?.body).toMatchObject({
      model: "qwen/qwen3-coder",
      stream: true,
      stream_options: { include_usage: true },
      tools: [readFileTool],
      tool_choice: "auto",
    });
    expect(request?.body.parallel_tool_calls).toBe(PARALLEL_TOOL_CALLS);
    expect(request?.body.messages[0]).toEqual({ role: "system", content: "sys" });
  });

  it("sends no parallel_tool_calls key (and no tools) without tools", async () => {
    ctx.server.enqueue(ok(), ok());
    await collect(handler().createMessage("sys", hello, { taskId: "t" }));
    await collect(handler({ toolProtocol: "xml" }).createMessage("sys", hello, { taskId: "t", tools: [readFileTool] }));
    for (const request of ctx.server.requests) {
      expect("parallel_tool_calls" in request.body).toBe(false);
      expect("tools" in request.body).toBe(false);
    }
  });

  it("sends temperature, max_tokens only when positive, and reasoning_effort", async () => {
    ctx.server.enqueue(ok(), ok());
    await collect(
      handler({ modelTemperature: 0.3, modelMaxTokens: 512, reasoningEffort: "high" }).createMessage("s", hello, {
        taskId: "t",
      }),
    );
    await collect(handler({ modelMaxTokens: 0 }).createMessage("s", hello, { taskId: "t" }));
    const [first, second] = ctx.server.requests;
    expect(first?.body).toMatchObject({ temperature: 0.3, max_tokens: 512, reasoning_effort: "high" });
    expect(second?.body.temperature).toBe(0);
    expect("max_tokens" in (second?.body ?? {})).toBe(false);
  });

  it("authenticates with the API key as bearer and adds openAiHeaders", async () => {
    ctx.server.enqueue(ok());
    await collect(handler({ openAiHeaders: { "X-Team": "blue" } }).createMessage("s", hello, { taskId: "t" }));
    const headers = ctx.server.requests[0]?.headers;
    expect(headers?.authorization).toBe("Bearer sk-compat-secret-123");
    expect(headers?.["x-team"]).toBe("blue");
  });

  it("sends a converted tool round trip that the server accepts, with sanitised ids on both sides", async () => {
    ctx.server.enqueue(ok());
    const id = "functions.read_file:0";
    const history: MessageParam[] = [
      { role: "user", content: "read a.ts" },
      { role: "assistant", content: [{ type: "tool_use", id, name: "read_file", input: { path: "a.ts" } }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: id, content: "export {}" }] },
    ];
    const chunks = await collect(handler().createMessage("s", history, { taskId: "t", tools: [readFileTool] }));
    expect(chunks).toContainEqual({ type: "text", text: "ok" });
    const messages = ctx.server.requests[0]?.body.messages;
    expect(messages[2].tool_calls[0].id).toBe("functions_read_file_0");
    expect(messages[3]).toEqual({ role: "tool", tool_call_id: "functions_read_file_0", content: "export {}" });
  });

  it("surfaces the server's rejection of an unanswered tool call as a typed 400", async () => {
    const history: MessageParam[] = [
      { role: "user", content: "read a.ts" },
      { role: "assistant", content: [{ type: "tool_use", id: "c1", name: "read_file", input: {} }] },
      { role: "user", content: "never mind" },
    ];
    const { error } = await collectUntilError(handler().createMessage("s", history, { taskId: "t" }));
    expect(error).toBeInstanceOf(ProviderHttpError);
    expect(error).toMatchObject({ status: 400, code: "bad_request" });
    expect((error as Error).message).toContain("tool_call_id");
  });
});

describe("OpenAICompatibleHandler presets and settings", () => {
  it("uses the preset's name in errors and openAiBaseUrl over the preset address", async () => {
    ctx.server.enqueue({ kind: "error", status: 500 });
    const lmstudio = new OpenAICompatibleHandler({
      apiProvider: "lmstudio",
      openAiBaseUrl: ctx.server.baseUrl,
      openAiModelId: "local-model",
    });
    expect(lmstudio.providerName).toBe("LM Studio");
    const { error } = await collectUntilError(lmstudio.createMessage("s", hello, { taskId: "t" }));
    expect((error as Error).message).toMatch(/^LM Studio error 500: /);
    // Local servers need no key: the SDK gets a placeholder rather than refusing to start.
    expect(ctx.server.requests[0]?.headers.authorization).toBe("Bearer not-provided");
  });

  it("rejects settings without base URL, model, or (for hosted presets) API key", () => {
    const attempts = [
      () => new OpenAICompatibleHandler({ apiProvider: "openai-compatible", openAiModelId: "m" }),
      () => new OpenAICompatibleHandler({ apiProvider: "ollama" }),
      () => new OpenAICompatibleHandler({ apiProvider: "deepinfra", openAiModelId: "m" }),
    ];
    for (const attempt of attempts) {
      expect(attempt).toThrow(ProviderConfigError);
      try {
        attempt();
      } catch (error) {
        expect((error as ProviderConfigError).code).toBe("invalid_settings");
      }
    }
  });

  it("getModel reports the model id and the max tokens setting", () => {
    expect(handler({ modelMaxTokens: 100 }).getModel()).toEqual({ id: "qwen/qwen3-coder", info: { maxTokens: 100 } });
  });
});
