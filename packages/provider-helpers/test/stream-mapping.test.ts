import { chunk, toolCallChunks, usageChunk } from "@parallel-tool-calls/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OpenAICompatibleHandler } from "../src/index.js";
import { collect, hello, readFileTool, useServer } from "./helpers.js";

const ctx = useServer();

function handler() {
  return new OpenAICompatibleHandler({
    apiProvider: "openai-compatible",
    openAiBaseUrl: ctx.server.baseUrl,
    openAiApiKey: "sk-test-key-abcdef",
    openAiModelId: "m",
  });
}

const run = () => collect(handler().createMessage("s", hello, { taskId: "t", tools: [readFileTool] }));

describe("stream to chunk mapping", () => {
  it("maps text, reasoning, several tool calls, finish reason and usage in wire order", async () => {
    ctx.server.enqueue({
      kind: "stream",
      events: [
        { comment: "keep-alive" },
        // vLLM, llama.cpp and DeepSeek name the field reasoning_content.
        { data: { ...chunk(), choices: [{ index: 0, delta: { reasoning_content: "think" }, finish_reason: null }] } },
        { data: chunk({ reasoning: "ing" }) },
        { data: chunk({ content: "Reading two files." }) },
        ...toolCallChunks(
          [
            { id: "call_a", name: "read_file", arguments: '{"path":"a.ts"}' },
            { id: "call_b", name: "read_file", arguments: '{"path":"b.ts"}' },
          ],
          { fragmentSize: 6 },
        ),
        { data: chunk({ finish_reason: "tool_calls" }) },
        {
          data: usageChunk({
            prompt_tokens: 120,
            completion_tokens: 30,
            prompt_tokens_details: { cached_tokens: 100 },
            completion_tokens_details: { reasoning_tokens: 12 },
          }),
        },
      ],
    });
    const chunks = await run();
    expect(chunks.slice(0, 4)).toEqual([
      { type: "reasoning", text: "think" },
      { type: "reasoning", text: "ing" },
      { type: "text", text: "Reading two files." },
      { type: "tool_call_partial", index: 0, id: "call_a", name: "read_file", arguments: "" },
    ]);
    const partials = chunks.filter((c) => c.type === "tool_call_partial");
    expect(partials).toHaveLength(2 + 3 + 3);
    expect(
      partials
        .filter((p) => p.index === 0)
        .map((p) => p.arguments)
        .join(""),
    ).toBe('{"path":"a.ts"}');
    expect(
      partials
        .filter((p) => p.index === 1)
        .map((p) => p.arguments)
        .join(""),
    ).toBe('{"path":"b.ts"}');
    // Continuations carry only index and arguments, as on the wire.
    expect(partials[1]).toEqual({ type: "tool_call_partial", index: 0, arguments: '{"path' });
    expect(chunks.at(-2)).toEqual({ type: "finish_reason", reason: "tool_calls" });
    expect(chunks.at(-1)).toEqual({
      type: "usage",
      inputTokens: 120,
      outputTokens: 30,
      cacheReadTokens: 100,
      reasoningTokens: 12,
    });
  });

  it("keeps reading after a finish reason: calls after it and repeated finishes all come through", async () => {
    ctx.server.enqueue({
      kind: "stream",
      events: [
        {
          data: chunk({
            tool_calls: [{ index: 0, id: "g1", function: { name: "read_file", arguments: '{"path":"a"}' } }],
            finish_reason: "tool_calls",
          }),
        },
        {
          data: chunk({
            tool_calls: [{ index: 1, id: "g2", function: { name: "read_file", arguments: '{"path":"b"}' } }],
            finish_reason: "tool_calls",
          }),
        },
        { data: chunk({ finish_reason: "tool_calls" }) },
      ],
    });
    const chunks = await run();
    expect(chunks.map((c) => c.type)).toEqual([
      "tool_call_partial",
      "finish_reason",
      "tool_call_partial",
      "finish_reason",
      "finish_reason",
    ]);
    expect(chunks[2]).toMatchObject({ id: "g2", index: 1 });
  });

  it("passes raw quirky values through untouched: null ids, numeric ids, object arguments, extra_content", async () => {
    const quirky = [
      { index: 0, id: 7, function: { name: "read_file", arguments: { path: "a" } } },
      {
        index: null,
        id: null,
        function: { name: null, arguments: "" },
        extra_content: { google: { thought_signature: "sig" } },
      },
      { function: { arguments: "{}" } },
    ];
    ctx.server.enqueue({ kind: "stream", events: [{ data: chunk({ tool_calls: quirky as never }) }] });
    const chunks = await run();
    expect(chunks).toEqual([
      { type: "tool_call_partial", index: 0, id: 7, name: "read_file", arguments: { path: "a" } },
      {
        type: "tool_call_partial",
        index: null,
        id: null,
        name: null,
        arguments: "",
        extra_content: { google: { thought_signature: "sig" } },
      },
      { type: "tool_call_partial", arguments: "{}" },
    ]);
  });

  it("emits no usage chunk when the server reports none, and ignores empty content", async () => {
    ctx.server.enqueue({
      kind: "stream",
      events: [{ data: chunk({ content: "" }) }, { data: chunk({ content: "x" }) }],
    });
    expect(await run()).toEqual([{ type: "text", text: "x" }]);
  });

  it("yields exactly one partial per wire tool-call entry, in order, for arbitrary deltas", async () => {
    const entry = fc.record(
      {
        index: fc.integer({ min: -1, max: 3 }),
        id: fc.oneof(fc.constant(null), fc.stringMatching(/^[a-z0-9]{1,6}$/)),
        function: fc.record(
          { name: fc.constantFrom("read_file", "", null), arguments: fc.string({ maxLength: 8 }) },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(entry, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        async (deltas) => {
          ctx.server.enqueue({
            kind: "stream",
            events: deltas.map((tool_calls) => ({ data: chunk({ tool_calls: tool_calls as never }) })),
          });
          const partials = (await run()).filter((c) => c.type === "tool_call_partial");
          const wire = deltas.flat();
          expect(partials).toHaveLength(wire.length);
          partials.forEach((partial, i) => {
            const sent = wire[i] as {
              index?: number;
              id?: string | null;
              function?: { name?: string | null; arguments?: string };
            };
            expect(partial.index).toBe(sent.index);
            expect(partial.id).toBe(sent.id);
            expect(partial.name).toBe(sent.function?.name);
            expect(partial.arguments).toBe(sent.function?.arguments);
          });
        },
      ),
      { numRuns: 25 },
    );
  });
});
