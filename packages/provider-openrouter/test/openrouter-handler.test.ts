import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { chunk, usageChunk } from "@parallel-tool-calls/testing";
import { describe, expect, it } from "vitest";
import { OpenRouterHandler } from "../src/index.js";
import { collect, hello, readFileTool, useServer } from "./helpers.js";

const ctx = useServer();
const ok = () => ({ kind: "stream" as const, events: [{ data: chunk({ content: "ok", finish_reason: "stop" }) }] });

function handler(settings: Record<string, unknown> = {}, options = {}) {
  return new OpenRouterHandler(
    {
      openRouterBaseUrl: ctx.server.baseUrl,
      openRouterApiKey: "sk-or-v1-secret",
      openRouterModelId: "openai/gpt-5",
      ...settings,
    },
    options,
  );
}

describe("OpenRouterHandler request", () => {
  it("sends parallel_tool_calls equal to the flag with tools, and no such key without", async () => {
    ctx.server.enqueue(ok(), ok());
    await collect(handler().createMessage("s", hello, { taskId: "t", tools: [readFileTool], toolProtocol: "native" }));
    await collect(handler().createMessage("s", hello, { taskId: "t" }));
    const [withTools, without] = ctx.server.requests;
    expect(withTools?.body.parallel_tool_calls).toBe(PARALLEL_TOOL_CALLS);
    expect(withTools?.body.tools).toEqual([readFileTool]);
    expect("parallel_tool_calls" in (without?.body ?? {})).toBe(false);
    expect("tools" in (without?.body ?? {})).toBe(false);
  });

  it("sends bearer auth and the default app attribution headers, no anthropic beta for other models", async () => {
    ctx.server.enqueue(ok());
    await collect(handler().createMessage("s", hello, { taskId: "t" }));
    const headers = ctx.server.requests[0]?.headers;
    expect(headers?.authorization).toBe("Bearer sk-or-v1-secret");
    expect(headers?.["http-referer"]).toBe("https://kilocode.ai");
    expect(headers?.["x-title"]).toBe("Kilo Code");
    expect(headers?.["x-anthropic-beta"]).toBeUndefined();
  });

  it("takes attribution headers from the options and adds the beta header for anthropic/* models", async () => {
    ctx.server.enqueue(ok());
    const h = handler(
      { openRouterModelId: "anthropic/claude-sonnet-4.5" },
      { appUrl: "https://example.test", appTitle: "Demo" },
    );
    await collect(h.createMessage("s", hello, { taskId: "t" }));
    const headers = ctx.server.requests[0]?.headers;
    expect(headers?.["http-referer"]).toBe("https://example.test");
    expect(headers?.["x-title"]).toBe("Demo");
    expect(headers?.["x-anthropic-beta"]).toBe("fine-grained-tool-streaming-2025-05-14");
    expect(ctx.server.requests[0]?.body.model).toBe("anthropic/claude-sonnet-4.5");
  });

  it("falls back to apiModelId, then to the default model", () => {
    expect(new OpenRouterHandler({ apiModelId: "x/y" }).getModel().id).toBe("x/y");
    expect(new OpenRouterHandler({}).getModel().id).toBe("anthropic/claude-sonnet-4.5");
  });
});

describe("OpenRouterHandler stream", () => {
  it("takes reasoning from reasoning_details (never encrypted) and then ignores the plain copy", async () => {
    ctx.server.enqueue({
      kind: "stream",
      events: [
        { data: chunk({ reasoning: "plain before details" }) },
        {
          data: chunk({
            reasoning: "dup",
            reasoning_details: [
              { type: "reasoning.text", text: "step one", index: 0 },
              { type: "reasoning.encrypted", data: "opaque", index: 1 },
            ],
          }),
        },
        { data: chunk({ reasoning: "dup2", reasoning_details: [{ type: "reasoning.summary", summary: "in short" }] }) },
        { data: chunk({ reasoning: "late plain" }) },
        { data: chunk({ content: "answer", finish_reason: "stop" }) },
      ],
    });
    const chunks = await collect(handler().createMessage("s", hello, { taskId: "t" }));
    expect(chunks).toEqual([
      { type: "reasoning", text: "plain before details" },
      { type: "reasoning", text: "step one" },
      { type: "reasoning", text: "in short" },
      { type: "text", text: "answer" },
      { type: "finish_reason", reason: "stop" },
      // Once, after the stream: every detail accumulated, to be sent back with the message.
      {
        type: "reasoning_details",
        details: [
          { type: "reasoning.text", text: "step one", index: 0 },
          { type: "reasoning.encrypted", data: "opaque", index: 1 },
          { type: "reasoning.summary", summary: "in short" },
        ],
      },
    ]);
  });

  it("reports usage with cache, reasoning, cost plus upstream cost, and the serving provider", async () => {
    ctx.server.enqueue({
      kind: "stream",
      events: [
        { data: chunk({ content: "hi", provider: "Anthropic" }) },
        {
          data: usageChunk(
            {
              prompt_tokens: 1000,
              completion_tokens: 200,
              prompt_tokens_details: { cached_tokens: 800 },
              completion_tokens_details: { reasoning_tokens: 50 },
              cost: 0.012,
              cost_details: { upstream_inference_cost: 0.003 },
            },
            { provider: "Anthropic" },
          ),
        },
      ],
    });
    const chunks = await collect(handler().createMessage("s", hello, { taskId: "t" }));
    const usage = chunks.at(-1);
    expect(usage).toMatchObject({
      type: "usage",
      inputTokens: 1000,
      outputTokens: 200,
      cacheReadTokens: 800,
      reasoningTokens: 50,
      inferenceProvider: "Anthropic",
    });
    expect((usage as { totalCost: number }).totalCost).toBeCloseTo(0.015, 10);
    expect(chunks.filter((c) => c.type === "usage")).toHaveLength(1);
  });
});
