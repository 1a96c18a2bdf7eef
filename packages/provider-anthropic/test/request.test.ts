import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { messageEnd, messageStart, textBlock } from "@parallel-tool-calls/testing";
import { describe, expect, it } from "vitest";
import { AnthropicHandler, DEFAULT_MAX_TOKENS } from "../src/index.js";
import { collect, hello, localSettings, readFileTool, TEST_KEY, useServer } from "./helpers.js";

const ctx = useServer();

function answer(): void {
  ctx.server.enqueue({
    kind: "stream",
    done: false,
    events: [messageStart(), ...textBlock(0, "ok"), ...messageEnd("end_turn")],
  });
}

describe("AnthropicHandler request", () => {
  it("sends the switch as tool_choice.disable_parallel_tool_use with tools, and no tool_choice without", async () => {
    const handler = new AnthropicHandler(localSettings(ctx.server));
    answer();
    answer();
    await collect(handler.createMessage("system", hello, { taskId: "t", tools: [readFileTool], tool_choice: "auto" }));
    await collect(handler.createMessage("system", hello, { taskId: "t" }));
    const [withTools, without] = ctx.server.requests.map((r) => r.body);
    expect(withTools.tool_choice).toEqual({ type: "auto", disable_parallel_tool_use: !PARALLEL_TOOL_CALLS });
    expect(withTools.tools).toEqual([
      {
        name: "read_file",
        description: "Read a file",
        input_schema: readFileTool.function.parameters,
      },
    ]);
    expect(without.tools).toBeUndefined();
    expect(without.tool_choice).toBeUndefined();
  });

  it("takes the metadata's parallelToolCalls over the flag", async () => {
    const handler = new AnthropicHandler(localSettings(ctx.server));
    answer();
    await collect(handler.createMessage("s", hello, { taskId: "t", tools: [readFileTool], parallelToolCalls: false }));
    expect(ctx.server.requests[0]?.body.tool_choice).toEqual({ type: "auto", disable_parallel_tool_use: true });
  });

  it("sends model, max_tokens, a cached system prompt, the key and the API version", async () => {
    answer();
    await collect(new AnthropicHandler(localSettings(ctx.server)).createMessage("Be brief.", hello, { taskId: "t" }));
    const request = ctx.server.requests[0];
    expect(request?.path).toBe("/v1/messages");
    expect(request?.body).toMatchObject({
      model: "claude-sonnet-4-5",
      max_tokens: DEFAULT_MAX_TOKENS,
      stream: true,
      system: [{ type: "text", text: "Be brief.", cache_control: { type: "ephemeral" } }],
    });
    const credentials = `${request?.headers["x-api-key"] ?? ""} ${request?.headers.authorization ?? ""}`;
    expect(credentials).toContain(TEST_KEY);
    expect(request?.headers["anthropic-version"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("turns thinking on with modelMaxThinkingTokens, always below max_tokens and without temperature", async () => {
    answer();
    answer();
    const on = localSettings(ctx.server, { modelMaxTokens: 2000, modelMaxThinkingTokens: 4000, modelTemperature: 0.2 });
    await collect(new AnthropicHandler(on).createMessage("s", hello, { taskId: "t" }));
    const off = localSettings(ctx.server, { modelMaxTokens: 2000, modelTemperature: 0.2 });
    await collect(new AnthropicHandler(off).createMessage("s", hello, { taskId: "t" }));
    const [thinking, plain] = ctx.server.requests.map((r) => r.body);
    expect(thinking.thinking).toEqual({ type: "enabled", budget_tokens: 4000 });
    expect(thinking.max_tokens).toBeGreaterThan(4000);
    expect(thinking.temperature).toBeUndefined();
    expect(plain.thinking).toBeUndefined();
    expect(plain).toMatchObject({ max_tokens: 2000, temperature: 0.2 });
  });

  it("reports the model id and its max_tokens", () => {
    const handler = new AnthropicHandler({ apiModelId: "claude-opus-4-1", modelMaxTokens: 1234 });
    expect(handler.getModel()).toEqual({ id: "claude-opus-4-1", info: { maxTokens: 1234 } });
    expect(new AnthropicHandler({}).getModel().id).toBe("claude-sonnet-4-5");
  });
});
