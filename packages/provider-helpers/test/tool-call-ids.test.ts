import type { MessageParam } from "@parallel-tool-calls/core-metadata";
import { validateChatRequest } from "@parallel-tool-calls/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { convertToOpenAiMessages } from "../src/index.js";
import { ToolCallIdMap } from "../src/tool-call-ids.js";

type Shape = "safe" | "nine-alnum";
const PATTERN: Record<Shape, RegExp> = { safe: /^[a-zA-Z0-9_-]{1,64}$/, "nine-alnum": /^[a-zA-Z0-9]{9}$/ };

function toolTurn(ids: string[]): MessageParam[] {
  return [
    { role: "assistant", content: ids.map((id) => ({ type: "tool_use" as const, id, name: "read_file", input: {} })) },
    { role: "user", content: ids.map((id) => ({ type: "tool_result" as const, tool_use_id: id, content: id })) },
  ];
}

function wireIds(messages: ReturnType<typeof convertToOpenAiMessages>): { calls: string[]; results: string[] } {
  const calls = messages.flatMap((m) => (m.role === "assistant" ? (m.tool_calls ?? []).map((c) => c.id) : []));
  const results = messages.flatMap((m) => (m.role === "tool" ? [m.tool_call_id] : []));
  return { calls, results };
}

describe("ToolCallIdMap", () => {
  it.each(["safe", "nine-alnum"] as const)("keeps ids that sanitise alike distinct (%s)", (shape) => {
    const messages = convertToOpenAiMessages(toolTurn(["call.1", "call:1", "call 1", "call_1"]), {
      toolCallIds: shape,
    });
    const { calls, results } = wireIds(messages);
    expect(new Set(calls).size).toBe(4);
    expect(results).toEqual(calls);
    for (const id of calls) expect(id).toMatch(PATTERN[shape]);
    expect(validateChatRequest({ model: "m", messages: [{ role: "user", content: "go" }, ...messages] })).toBeNull();
  });

  it("keeps valid ids, and gives a later reuse of an id (another turn) a fresh one", () => {
    const messages = convertToOpenAiMessages([...toolTurn(["call_1", "Ab3De6Gh9"]), ...toolTurn(["call_1"])]);
    expect(wireIds(messages).calls).toEqual(["call_1", "Ab3De6Gh9", expect.not.stringMatching(/^call_1$/)]);
    const nine = convertToOpenAiMessages(toolTurn(["Ab3De6Gh9", "x"]), { toolCallIds: "nine-alnum" });
    expect(wireIds(nine).calls[0]).toBe("Ab3De6Gh9");
  });

  it("answers the n-th result for a duplicated id with the n-th call", () => {
    const ids = new ToolCallIdMap("safe");
    ids.beginTurn();
    const first = ids.call("dup");
    const second = ids.call("dup");
    expect(first).not.toBe(second);
    expect([ids.result("dup"), ids.result("dup")]).toEqual([first, second]);
  });

  it("is deterministic and prefix-stable: a longer history keeps the ids of its earlier turns", () => {
    const idArb = fc.oneof(
      fc.stringMatching(/^call[._: ]?[0-9]$/),
      fc.stringMatching(/^functions\.[a-z_]{1,8}:[0-9]$/),
      fc.string({ minLength: 1, maxLength: 80 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(idArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom<Shape>("safe", "nine-alnum"),
        (turns, shape) => {
          const history = turns.flatMap((ids) => toolTurn([...new Set(ids)]));
          const full = wireIds(convertToOpenAiMessages(history, { toolCallIds: shape }));
          const again = wireIds(convertToOpenAiMessages(history, { toolCallIds: shape }));
          const prefix = wireIds(convertToOpenAiMessages(history.slice(0, 2), { toolCallIds: shape }));
          expect(again).toEqual(full);
          expect(full.calls.slice(0, prefix.calls.length)).toEqual(prefix.calls);
          expect(new Set(full.calls).size).toBe(full.calls.length);
          expect(full.results).toEqual(full.calls);
          for (const id of full.calls) expect(id).toMatch(PATTERN[shape]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
