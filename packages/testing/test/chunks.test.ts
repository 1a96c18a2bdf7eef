import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chunk, errorChunk, type SseEvent, toolCallChunks, usageChunk } from "../src/index.js";

type Delta = { tool_calls?: Array<{ index: number; id?: string; type?: string; function?: Record<string, string> }> };
const deltaOf = (event: SseEvent) =>
  ("data" in event ? (event.data as ReturnType<typeof chunk>).choices[0]?.delta : undefined) as Delta;

describe("chunk builders", () => {
  it("chunk puts only the given fields into the delta", () => {
    const c = chunk({ content: "hi", provider: "Anthropic", model: "anthropic/claude", id: "gen-9" });
    expect(c).toMatchObject({
      id: "gen-9",
      provider: "Anthropic",
      model: "anthropic/claude",
      object: "chat.completion.chunk",
    });
    expect(c.choices).toEqual([
      {
        index: 0,
        delta: { role: "assistant", content: "hi" },
        finish_reason: null,
        native_finish_reason: null,
        logprobs: null,
      },
    ]);
    expect("usage" in c).toBe(false);
    const details = [{ type: "reasoning.text", text: "think", index: 0 }];
    expect(chunk({ reasoning: "r", reasoning_details: details, finish_reason: "stop" }).choices[0]).toMatchObject({
      delta: { role: "assistant", reasoning: "r", reasoning_details: details },
      finish_reason: "stop",
    });
  });

  it("is deterministic", () => {
    expect(chunk({ content: "a" })).toEqual(chunk({ content: "a" }));
  });

  it("usageChunk has no choices and fills total_tokens", () => {
    expect(usageChunk({ prompt_tokens: 3, completion_tokens: 4 })).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 },
    });
    expect(usageChunk({ prompt_tokens: 3, completion_tokens: 4, total_tokens: 99 }).usage.total_tokens).toBe(99);
  });

  it("errorChunk carries a top-level error and finishes its choice with error", () => {
    const c = errorChunk({ code: 429, message: "slow down", metadata: { raw: "x" } });
    expect(c.error).toEqual({ code: 429, message: "slow down", metadata: { raw: "x" } });
    expect(c.choices[0]).toMatchObject({ finish_reason: "error", delta: { content: "" } });
  });

  it("toolCallChunks emits an OpenAI-style header then index-keyed fragments", () => {
    const events = toolCallChunks([{ id: "call_1", name: "ls", arguments: '{"a":1}' }], {
      fragmentSize: 4,
      startIndex: 1,
    });
    expect(events.map((e) => deltaOf(e).tool_calls)).toEqual([
      [{ index: 1, id: "call_1", type: "function", function: { name: "ls", arguments: "" } }],
      [{ index: 1, function: { arguments: '{"a"' } }],
      [{ index: 1, function: { arguments: ":1}" } }],
    ]);
  });

  it("rejects a fragment size that could never finish", () => {
    expect(() => toolCallChunks([], { fragmentSize: 0 })).toThrow(RangeError);
  });

  it("property: fragments reassemble to each call's arguments, calls in order, indexes from startIndex", () => {
    const call = fc.record({
      id: fc.string({ minLength: 1 }),
      name: fc.string({ minLength: 1 }),
      arguments: fc.string(),
    });
    fc.assert(
      fc.property(
        fc.array(call, { maxLength: 5 }),
        fc.integer({ min: 1, max: 20 }),
        fc.nat(3),
        (calls, size, start) => {
          const events = toolCallChunks(calls, { fragmentSize: size, startIndex: start });
          const rebuilt = new Map<number, { id?: string; name?: string; arguments: string }>();
          for (const event of events) {
            const [tc, ...rest] = deltaOf(event).tool_calls ?? [];
            expect(rest).toEqual([]);
            if (!tc) throw new Error("missing tool call delta");
            const entry = rebuilt.get(tc.index) ?? { arguments: "" };
            if (tc.id !== undefined) entry.id = tc.id;
            if (tc.function?.name !== undefined) entry.name = tc.function.name;
            const fragment = tc.function?.arguments ?? "";
            expect(fragment.length).toBeLessThanOrEqual(size);
            entry.arguments += fragment;
            rebuilt.set(tc.index, entry);
          }
          expect([...rebuilt.keys()]).toEqual(calls.map((_, i) => start + i));
          expect([...rebuilt.values()]).toEqual(calls.map((c) => ({ id: c.id, name: c.name, arguments: c.arguments })));
        },
      ),
    );
  });
});
