import type { MessageParam } from "@parallel-tool-calls/core-metadata";
import { validateChatRequest } from "@parallel-tool-calls/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { convertToOpenAiMessages, ProviderConfigError } from "../src/index.js";

describe("convertToOpenAiMessages", () => {
  it("keeps plain string messages", () => {
    expect(
      convertToOpenAiMessages([
        { role: "user", content: "hi" },
        { role: "assistant", content: "hello" },
      ]),
    ).toEqual([
      { role: "user", content: "hi" },
      { role: "assistant", content: "hello" },
    ]);
  });

  it("turns tool_use blocks into tool_calls with JSON arguments and null content when tool-only", () => {
    const [message] = convertToOpenAiMessages([
      {
        role: "assistant",
        content: [
          { type: "tool_use", id: "call_1", name: "read_file", input: { path: "a.ts" } },
          { type: "tool_use", id: "call_2", name: "list_files", input: {} },
        ],
      },
    ]);
    expect(message).toEqual({
      role: "assistant",
      content: null,
      tool_calls: [
        { id: "call_1", type: "function", function: { name: "read_file", arguments: '{"path":"a.ts"}' } },
        { id: "call_2", type: "function", function: { name: "list_files", arguments: "{}" } },
      ],
    });
  });

  it("keeps assistant text next to tool calls", () => {
    const [message] = convertToOpenAiMessages([
      {
        role: "assistant",
        content: [
          { type: "text", text: "Reading" },
          { type: "text", text: "both." },
          { type: "tool_use", id: "c", name: "read_file", input: { path: "x" } },
        ],
      },
    ]);
    expect(message).toMatchObject({ role: "assistant", content: "Reading\nboth." });
  });

  it("places tool results before the user's own text and images, as string content", () => {
    const out = convertToOpenAiMessages([
      {
        role: "user",
        content: [
          { type: "text", text: "and also look at this" },
          { type: "tool_result", tool_use_id: "c1", content: "file a" },
          {
            type: "tool_result",
            tool_use_id: "c2",
            content: [
              { type: "text", text: "line 1" },
              { type: "text", text: "line 2" },
              { type: "image", source: { type: "url", url: "https://example.test/shot.png" } },
            ],
          },
          { type: "image", source: { type: "base64", media_type: "image/png", data: "AAAA" } },
        ],
      },
    ]);
    expect(out).toEqual([
      { role: "tool", tool_call_id: "c1", content: "file a" },
      { role: "tool", tool_call_id: "c2", content: "line 1\nline 2" },
      {
        role: "user",
        content: [
          { type: "text", text: "and also look at this" },
          { type: "image_url", image_url: { url: "https://example.test/shot.png" } },
          { type: "image_url", image_url: { url: "data:image/png;base64,AAAA" } },
        ],
      },
    ]);
  });

  it("emits only tool messages when a user message holds nothing but results", () => {
    const out = convertToOpenAiMessages([
      { role: "user", content: [{ type: "tool_result", tool_use_id: "c1", content: undefined }] },
    ]);
    expect(out).toEqual([{ role: "tool", tool_call_id: "c1", content: "" }]);
  });

  it("sanitises ids identically on the call and on its result", () => {
    const id = "functions.read_file:0";
    const out = convertToOpenAiMessages([
      { role: "assistant", content: [{ type: "tool_use", id, name: "read_file", input: {} }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: id, content: "ok" }] },
    ]);
    expect(out[0]).toMatchObject({ tool_calls: [{ id: "functions_read_file_0" }] });
    expect(out[1]).toEqual({ role: "tool", tool_call_id: "functions_read_file_0", content: "ok" });
  });

  it("rejects blocks that cannot appear in a role, and unknown roles, with a typed error", () => {
    const bad: unknown[] = [
      [{ role: "assistant", content: [{ type: "tool_result", tool_use_id: "x", content: "" }] }],
      [{ role: "user", content: [{ type: "tool_use", id: "x", name: "n", input: {} }] }],
      [{ role: "system", content: "x" }],
      [{ role: "user", content: 42 }],
    ];
    for (const messages of bad) {
      let error: unknown;
      try {
        convertToOpenAiMessages(messages as MessageParam[]);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ProviderConfigError);
      expect((error as ProviderConfigError).code).toBe("invalid_history");
    }
  });
});

describe("converted tool turns pass OpenAI-style validation", () => {
  // Ids as providers really send them: OpenAI, Kimi, Moonshot, DeepInfra, Anthropic; some sanitise alike.
  const idArb = fc.oneof(
    fc.stringMatching(/^call_[A-Za-z0-9]{6}$/),
    fc.stringMatching(/^functions\.[a-z_]{1,8}:[0-9]$/),
    fc.stringMatching(/^[a-z]{1,6}:[0-9]$/),
    fc.stringMatching(/^toolu_[A-Za-z0-9]{6}$/),
  );

  it("pairs every call with its result for arbitrary ids, arguments and result shapes", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(idArb, { minLength: 1, maxLength: 5 }),
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.boolean(),
        (ids, input, withUserText) => {
          const history: MessageParam[] = [
            { role: "user", content: "go" },
            {
              role: "assistant",
              content: ids.map((id) => ({ type: "tool_use" as const, id, name: "read_file", input })),
            },
            {
              role: "user",
              content: [
                ...(withUserText ? [{ type: "text" as const, text: "note" }] : []),
                ...ids.map((id) => ({
                  type: "tool_result" as const,
                  tool_use_id: id,
                  content: [{ type: "text" as const, text: id }],
                })),
              ],
            },
          ];
          const messages = convertToOpenAiMessages(history);
          expect(validateChatRequest({ model: "m", messages })).toBeNull();
          const call = messages[1] as { tool_calls: { function: { arguments: string } }[] };
          for (const toolCall of call.tool_calls) expect(toolCall.function.arguments).toBe(JSON.stringify(input));
        },
      ),
      { numRuns: 200 },
    );
  });
});
