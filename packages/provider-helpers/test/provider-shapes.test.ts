import type { ApiStreamChunk } from "@parallel-tool-calls/core-metadata";
import { chunk, errorChunk, type SseEvent, usageChunk } from "@parallel-tool-calls/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OpenAICompatibleHandler, ProviderConnectionError, ProviderStreamError } from "../src/index.js";
import { collect, collectUntilError, hello, readFileTool, useServer } from "./helpers.js";

// Streams of the shapes real providers send, made here (not copied from any recording).
const ctx = useServer();

function handler() {
  return new OpenAICompatibleHandler({
    apiProvider: "openai-compatible",
    openAiBaseUrl: ctx.server.baseUrl,
    openAiApiKey: "sk-test-key-abcdef",
    openAiModelId: "m",
  });
}

const run = () => handler().createMessage("s", hello, { taskId: "t", tools: [readFileTool] });

/** A chunk whose delta is exactly `delta` (fields the test-server builder does not know). */
function rawDelta(delta: Record<string, unknown>, finish: string | null = null) {
  return { ...chunk(), choices: [{ index: 0, delta, finish_reason: finish }] };
}

function joined(chunks: ApiStreamChunk[], type: "text" | "reasoning"): string {
  return chunks.map((c) => (c.type === type ? c.text : "")).join("");
}

describe("typed content parts (Mistral reasoning models)", () => {
  it("streams thinking parts as reasoning and text parts as text, in wire order", async () => {
    ctx.server.enqueue({
      kind: "stream",
      events: [
        {
          data: rawDelta({
            role: "assistant",
            content: [{ type: "thinking", thinking: [{ type: "text", text: "Add " }] }],
          }),
        },
        { data: rawDelta({ content: [{ type: "thinking", thinking: [{ type: "text", text: "three and five." }] }] }) },
        {
          data: rawDelta({
            content: [
              { type: "text", text: "3 + 5 " },
              { type: "text", text: "= 8" },
            ],
          }),
        },
        { data: rawDelta({ content: "" }, "stop") },
        { data: usageChunk({ prompt_tokens: 7, completion_tokens: 31 }) },
      ],
    });
    const chunks = await collect(run());
    expect(chunks.filter((c) => c.type === "reasoning" || c.type === "text")).toEqual([
      { type: "reasoning", text: "Add " },
      { type: "reasoning", text: "three and five." },
      { type: "text", text: "3 + 5 " },
      { type: "text", text: "= 8" },
    ]);
    expect(chunks.at(-1)).toEqual({ type: "usage", inputTokens: 7, outputTokens: 31 });
  });

  it("reads a thinking part given as a plain string and skips parts without text", async () => {
    ctx.server.enqueue({
      kind: "stream",
      events: [
        {
          data: rawDelta({
            content: [
              { type: "thinking", thinking: "short" },
              { type: "reference", reference_ids: [1] },
              { type: "text", text: "done" },
            ],
          }),
        },
        { data: rawDelta({}, "stop") },
      ],
    });
    const chunks = await collect(run());
    expect(joined(chunks, "reasoning")).toBe("short");
    expect(joined(chunks, "text")).toBe("done");
  });
});

describe("reasoning precedence", () => {
  it("an empty `reasoning` never hides a non-empty `reasoning_content` in the same delta", async () => {
    ctx.server.enqueue({
      kind: "stream",
      events: [
        { data: rawDelta({ reasoning: "", reasoning_content: "first " }) },
        { data: rawDelta({ reasoning: null, reasoning_content: "second" }) },
        // Both filled (a gateway mirroring the field): the text is taken once.
        { data: rawDelta({ reasoning: " third", reasoning_content: " third" }) },
        { data: rawDelta({ content: "answer" }, "stop") },
      ],
    });
    const chunks = await collect(run());
    expect(joined(chunks, "reasoning")).toBe("first second third");
    expect(joined(chunks, "text")).toBe("answer");
  });
});

describe("<think> in content (DeepSeek-R1 style hosts)", () => {
  const reply = "<think>\nWeigh a and b.</think>\n\nUse b.";

  function contentStream(pieces: string[]): SseEvent[] {
    return [...pieces.map((content) => ({ data: chunk({ content }) })), { data: chunk({ finish_reason: "stop" }) }];
  }

  it("moves a leading think block to reasoning with tags split across chunks", async () => {
    ctx.server.enqueue({
      kind: "stream",
      events: contentStream(["  <thi", "nk>\nWeigh a ", "and b.</th", "ink>", "\n\nUse b."]),
    });
    const chunks = await collect(run());
    expect(joined(chunks, "reasoning")).toBe("\nWeigh a and b.");
    expect(joined(chunks, "text")).toBe("Use b.");
    // Reasoning comes before the answer, as the model wrote it.
    const kinds = chunks.filter((c) => c.type === "text" || c.type === "reasoning").map((c) => c.type);
    expect(kinds.lastIndexOf("reasoning")).toBeLessThan(kinds.indexOf("text"));
  });

  it("gives the same reasoning and text however the reply is cut into chunks", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 1, max: reply.length - 1 }), { maxLength: 8 }),
        async (cuts) => {
          const at = [0, ...cuts.sort((a, b) => a - b), reply.length];
          const pieces = at.slice(1).map((end, i) => reply.slice(at[i], end));
          ctx.server.enqueue({ kind: "stream", events: contentStream(pieces) });
          const chunks = await collect(run());
          expect(joined(chunks, "reasoning")).toBe("\nWeigh a and b.");
          expect(joined(chunks, "text")).toBe("Use b.");
        },
      ),
      { numRuns: 25 },
    );
  });

  it("leaves a tag that does not open the reply as text", async () => {
    ctx.server.enqueue({ kind: "stream", events: contentStream(["Models write ", "<think>x</think>", " blocks."]) });
    const chunks = await collect(run());
    expect(joined(chunks, "text")).toBe("Models write <think>x</think> blocks.");
    expect(chunks.some((c) => c.type === "reasoning")).toBe(false);
  });

  it("keeps an unclosed think block (a cut reply) as reasoning, nothing dropped", async () => {
    ctx.server.enqueue({ kind: "stream", events: contentStream(["<think>still weighing</th"]) });
    const chunks = await collect(run());
    expect(joined(chunks, "reasoning")).toBe("still weighing</th");
    expect(joined(chunks, "text")).toBe("");
  });
});

describe("outputTokens: one meaning for every provider", () => {
  // The same generation (40 answer tokens + 60 reasoning tokens) as two providers report it.
  const shapes = {
    "OpenAI (completion includes reasoning)": { prompt_tokens: 10, completion_tokens: 100, total_tokens: 110 },
    "xAI (reasoning on top of completion)": { prompt_tokens: 10, completion_tokens: 40, total_tokens: 110 },
  };

  it.each(Object.entries(shapes))("%s → outputTokens 100, reasoningTokens 60", async (_name, usage) => {
    ctx.server.enqueue({
      kind: "stream",
      events: [
        { data: chunk({ content: "ok", finish_reason: "stop" }) },
        { data: usageChunk({ ...usage, completion_tokens_details: { reasoning_tokens: 60 } }) },
      ],
    });
    const chunks = await collect(run());
    expect(chunks.at(-1)).toEqual({ type: "usage", inputTokens: 10, outputTokens: 100, reasoningTokens: 60 });
  });
});

describe("usage on an in-stream failure", () => {
  it("yields the error chunk's usage before throwing, and the typed error carries it", async () => {
    ctx.server.enqueue({
      kind: "stream",
      events: [
        { data: chunk({ reasoning: "We need to" }) },
        {
          data: errorChunk({
            code: 400,
            message: "Token limit reached",
            usage: { prompt_tokens: 43, completion_tokens: 10, completion_tokens_details: { reasoning_tokens: 10 } },
          }),
        },
      ],
    });
    const { chunks, error } = await collectUntilError(run());
    expect(error).toBeInstanceOf(ProviderStreamError);
    const usage = { type: "usage", inputTokens: 43, outputTokens: 10, reasoningTokens: 10 };
    expect(chunks.at(-1)).toEqual(usage);
    expect((error as ProviderStreamError).usage).toEqual(usage);
    expect(JSON.parse(JSON.stringify(error)).usage).toEqual(usage);
  });

  it("a connection lost after the usage report still reports it", async () => {
    ctx.server.enqueue({
      kind: "stream",
      done: false,
      events: [
        { data: chunk({ content: "partial" }) },
        { data: usageChunk({ prompt_tokens: 5, completion_tokens: 2 }) },
        { delayMs: 30 },
        { cut: true },
      ],
    });
    const { chunks, error } = await collectUntilError(run());
    expect(error).toBeInstanceOf(ProviderConnectionError);
    expect(chunks.at(-1)).toEqual({ type: "usage", inputTokens: 5, outputTokens: 2 });
    expect((error as ProviderConnectionError).usage).toEqual(chunks.at(-1));
  });

  it("an error chunk before any usage report throws without inventing one", async () => {
    ctx.server.enqueue({ kind: "stream", events: [{ data: errorChunk({ code: 502, message: "upstream down" }) }] });
    const { chunks, error } = await collectUntilError(run());
    expect(error).toBeInstanceOf(ProviderStreamError);
    expect(chunks.some((c) => c.type === "usage")).toBe(false);
    expect((error as ProviderStreamError).usage).toBeUndefined();
  });
});
