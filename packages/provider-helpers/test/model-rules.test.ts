import type { MessageParam } from "@parallel-tool-calls/core-metadata";
import { describe, expect, it } from "vitest";
import { addCacheBreakpoints } from "../src/cache-breakpoints.js";
import { buildChatMessages } from "../src/chat-messages.js";
import { SKIP_THOUGHT_SIGNATURE } from "../src/convert-to-openai-messages.js";
import { type ChatMessage, convertToOpenAiMessages, modelRulesFor } from "../src/index.js";

describe("modelRulesFor", () => {
  it("matches by model id with or without a gateway prefix, first row wins, default otherwise", () => {
    const name = (id: string) => modelRulesFor(id).name;
    expect(["mistral-large-latest", "devstral-small-2505", "mistralai/anything", "codestral-latest"].map(name)).toEqual(
      ["mistral", "mistral", "mistral", "mistral"],
    );
    expect(["gemini-3-pro-preview", "google/gemini-3-flash", "gemini-2.5-pro"].map(name)).toEqual([
      "gemini-3",
      "gemini-3",
      "default",
    ]);
    expect(["deepseek-v4", "deepseek/deepseek-v3.2", "moonshotai/kimi-k2-thinking"].map(name)).toEqual([
      "deepseek",
      "deepseek",
      "kimi-thinking",
    ]);
    expect(["anthropic/claude-sonnet-4.5", "claude-sonnet-4.5", "openai/gpt-5"].map(name)).toEqual([
      "claude",
      "default",
      "default",
    ]);
    expect(modelRulesFor("mistralai/devstral-medium").toolCallIds).toBe("nine-alnum");
  });
});

const call = (id: string, extra?: Record<string, unknown>) => ({
  type: "tool_use" as const,
  id,
  name: "read_file",
  input: { path: id },
  ...(extra ? { extra_content: extra } : {}),
});
const results = (...ids: string[]): MessageParam => ({
  role: "user",
  content: ids.map((id) => ({ type: "tool_result" as const, tool_use_id: id, content: "ok" })),
});
const assistantOf = (messages: ChatMessage[]) => messages.filter((m) => m.role === "assistant");

describe("history under a model's rules", () => {
  const signed = { google: { thought_signature: "sig-A" } };
  const history: MessageParam[] = [
    { role: "user", content: "go" },
    {
      role: "assistant",
      content: [
        { type: "thinking", thinking: "hmm", signature: "anth-sig" },
        { type: "redacted_thinking", data: "opaque" },
        { type: "reasoning", text: "Plan: " },
        { type: "reasoning", text: "read." },
        { type: "text", text: "Reading." },
        call("a.1", signed),
        call("a:1"),
      ],
    },
    results("a.1", "a:1"),
    {
      role: "assistant",
      content: [call("b")],
      reasoning_details: [{ type: "reasoning.encrypted", id: "b", data: "enc", index: 0 }],
    },
    results("b"),
  ];

  it("accepts thinking, redacted thinking and reasoning blocks and, by default, sends none of them", () => {
    const [first] = assistantOf(convertToOpenAiMessages(history));
    expect(first).toEqual({
      role: "assistant",
      content: "Reading.",
      tool_calls: [
        {
          id: "a_1",
          type: "function",
          function: { name: "read_file", arguments: '{"path":"a.1"}' },
          extra_content: signed,
        },
        expect.objectContaining({ id: expect.not.stringMatching(/^a_1$/) }),
      ],
    });
  });

  it("Gemini 3 direct: echoes each call's extra_content and gives an unsigned first call Google's skip value", () => {
    const [first, second] = assistantOf(buildChatMessages("s", history, "gemini-3-pro-preview", "direct"));
    expect(first?.tool_calls?.[0]?.extra_content).toBe(signed);
    expect(first?.tool_calls?.[1]?.extra_content).toBeUndefined();
    expect(second?.tool_calls?.[0]?.extra_content).toEqual({ google: { thought_signature: SKIP_THOUGHT_SIGNATURE } });
    expect(first?.reasoning_details).toBeUndefined();
  });

  it("DeepSeek direct: reasoning_content (thinking and reasoning text) on messages with tool calls, '' when none", () => {
    const messages = buildChatMessages(
      "s",
      [...history, { role: "assistant", content: "done" }],
      "deepseek-v4",
      "direct",
    );
    expect(assistantOf(messages).map((m) => m.reasoning_content)).toEqual(["hmmPlan: read.", "", undefined]);
    const viaRouter = buildChatMessages("s", history, "deepseek/deepseek-v3.2", "openrouter");
    expect(assistantOf(viaRouter).map((m) => m.reasoning_content)).toEqual([undefined, undefined]);
  });

  it("Gemini via OpenRouter: details sent back with mapped ids; exactly one placeholder, on the first call, only where none is encrypted", () => {
    const [first, second] = assistantOf(buildChatMessages("s", history, "google/gemini-3-pro-preview", "openrouter"));
    expect(first?.reasoning_details).toEqual([
      { type: "reasoning.encrypted", data: SKIP_THOUGHT_SIGNATURE, id: "a_1", format: "google-gemini-v1", index: 0 },
    ]);
    expect(second?.reasoning_details).toEqual([{ type: "reasoning.encrypted", id: "b", data: "enc", index: 0 }]);
    // An encrypted detail of another model (Anthropic's, tied to no call) is not a Gemini signature.
    const foreign: MessageParam[] = [
      { role: "user", content: "go" },
      { role: "assistant", content: [call("c")], reasoning_details: [{ type: "reasoning.encrypted", data: "anth" }] },
      results("c"),
    ];
    const [message] = assistantOf(buildChatMessages("s", foreign, "google/gemini-3-pro-preview", "openrouter"));
    expect(message?.reasoning_details?.map((d) => d.data)).toEqual(["anth", SKIP_THOUGHT_SIGNATURE]);
  });

  it("Claude via OpenRouter: thinking blocks become Anthropic-format details when a message has none", () => {
    const [first, second] = assistantOf(buildChatMessages("s", history, "anthropic/claude-sonnet-4.5", "openrouter"));
    expect(first?.reasoning_details).toEqual([
      { type: "reasoning.text", text: "hmm", signature: "anth-sig", format: "anthropic-claude-v1", index: 0 },
      { type: "reasoning.encrypted", data: "opaque", format: "anthropic-claude-v1", index: 1 },
    ]);
    expect(second?.reasoning_details).toHaveLength(1);
  });

  it("Mistral: nine-alphanumeric ids on calls and results alike", () => {
    const messages = buildChatMessages("s", history, "mistral-large-latest", "direct");
    const calls = assistantOf(messages).flatMap((m) => (m.tool_calls ?? []).map((c) => c.id));
    const answered = messages.flatMap((m) => (m.role === "tool" ? [m.tool_call_id] : []));
    expect(answered).toEqual(calls);
    for (const id of calls) expect(id).toMatch(/^[a-zA-Z0-9]{9}$/);
  });
});

describe("addCacheBreakpoints", () => {
  const marked = (messages: ChatMessage[]) =>
    messages.flatMap((m, i) => (JSON.stringify(m.content).includes("cache_control") ? [i] : []));

  it("marks the system message, the last user/tool message and the last one before the last assistant message", () => {
    const messages = buildChatMessages(
      "system",
      [{ role: "user", content: "go" }, { role: "assistant", content: [call("x"), call("y")] }, results("x", "y")],
      "anthropic/claude-sonnet-4.5",
      "openrouter",
    );
    // system, user "go" (before the last assistant message), the last tool message.
    expect(marked(messages)).toEqual([0, 1, 4]);
    expect(messages[4]).toEqual({
      role: "tool",
      tool_call_id: "y",
      content: [{ type: "text", text: "ok", cache_control: { type: "ephemeral" } }],
    });
    expect(
      marked(buildChatMessages("system", [{ role: "user", content: "go" }], "openai/gpt-5", "openrouter")),
    ).toEqual([]);
  });

  it("marks the last text part of an array and never an empty text", () => {
    const messages: ChatMessage[] = [
      { role: "system", content: "" },
      {
        role: "user",
        content: [
          { type: "text", text: "a" },
          { type: "image_url", image_url: { url: "https://example.test/x.png" } },
        ],
      },
    ];
    addCacheBreakpoints(messages);
    expect(messages[0]?.content).toBe("");
    expect(messages[1]?.content).toEqual([
      { type: "text", text: "a", cache_control: { type: "ephemeral" } },
      { type: "image_url", image_url: { url: "https://example.test/x.png" } },
    ]);
  });
});
