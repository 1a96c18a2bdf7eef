import type { MessageParam } from "@parallel-tool-calls/core-metadata";
import {
  findMessagesRequestProblem,
  messageEnd,
  messageStart,
  textBlock,
  thinkingSignatureFor,
} from "@parallel-tool-calls/testing";
import { describe, expect, it } from "vitest";
import { AnthropicHandler, buildMessagesRequestBody, convertToAnthropicMessages } from "../src/index.js";
import { collect, localSettings, readFileTool, useServer } from "./helpers.js";

const ctx = useServer();
const HEADERS = { "x-api-key": "k", "anthropic-version": "2023-06-01" };

const signed = (thinking: string) => ({
  type: "thinking" as const,
  thinking,
  signature: thinkingSignatureFor(thinking),
});
const call = (id: string, path: string) => ({ type: "tool_use" as const, id, name: "read_file", input: { path } });
const result = (id: string, content = "ok") => ({ type: "tool_result" as const, tool_use_id: id, content });

function bodyFor(messages: MessageParam[], thinking = true) {
  return buildMessagesRequestBody({
    settings: thinking ? { modelMaxThinkingTokens: 2048 } : {},
    modelId: "claude-sonnet-4-5",
    systemPrompt: "s",
    messages,
    metadata: { taskId: "t", tools: [readFileTool] },
  });
}

describe("convertToAnthropicMessages", () => {
  it("puts thinking first, unchanged and in order, and drops unsigned thinking and readable reasoning", () => {
    const history: MessageParam[] = [
      { role: "user", content: "read a and b" },
      {
        role: "assistant",
        content: [
          { type: "reasoning", text: "another provider's reasoning" },
          { type: "text", text: "Reading." },
          signed("first"),
          call("toolu_1", "a"),
          { type: "redacted_thinking", data: "opaque==" },
          { type: "thinking", thinking: "unsigned", signature: "" },
          { type: "provider_data", protocol: "openai-responses", data: { id: "rs_1" } },
          call("toolu_2", "b"),
        ],
      },
      { role: "user", content: [result("toolu_1"), result("toolu_2")] },
    ];
    const [, assistant] = convertToAnthropicMessages(history);
    expect(assistant?.content).toEqual([
      signed("first"),
      { type: "redacted_thinking", data: "opaque==" },
      { type: "text", text: "Reading." },
      call("toolu_1", "a"),
      call("toolu_2", "b"),
    ]);
    expect(findMessagesRequestProblem(bodyFor(history), HEADERS)).toBeNull();
  });

  it("puts every result of a turn first in one user message, and drops empty text", () => {
    const history: MessageParam[] = [
      { role: "user", content: "go" },
      { role: "assistant", content: [{ type: "text", text: "" }, call("toolu_1", "a"), call("toolu_2", "b")] },
      { role: "user", content: [result("toolu_1"), { type: "text", text: "note" }, { type: "text", text: "" }] },
      { role: "user", content: [result("toolu_2", "")] },
    ];
    const messages = convertToAnthropicMessages(history);
    expect(messages).toHaveLength(3);
    expect(messages[1]?.content).toEqual([call("toolu_1", "a"), call("toolu_2", "b")]);
    expect(messages[2]?.content).toEqual([
      result("toolu_1"),
      { type: "tool_result", tool_use_id: "toolu_2" },
      { type: "text", text: "note" },
    ]);
    expect(findMessagesRequestProblem(bodyFor(history, false), HEADERS)).toBeNull();
  });

  it("maps ids of another provider to the API's shape, the same on a call and its result, never colliding", () => {
    const history: MessageParam[] = [
      { role: "user", content: "go" },
      { role: "assistant", content: [call("functions.read_file:0", "a"), call("functions.read_file_0", "b")] },
      { role: "user", content: [result("functions.read_file:0"), result("functions.read_file_0")] },
    ];
    const messages = convertToAnthropicMessages(history);
    const ids = messages[1]?.content.map((b) => (b.type === "tool_use" ? b.id : ""));
    const answered = messages[2]?.content.map((b) => (b.type === "tool_result" ? b.tool_use_id : ""));
    expect(ids).toEqual(answered);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids ?? []) expect(id).toMatch(/^[a-zA-Z0-9_-]+$/);
    expect(findMessagesRequestProblem(bodyFor(history, false), HEADERS)).toBeNull();
  });

  it("does not mutate the history", () => {
    const history: MessageParam[] = [{ role: "user", content: [{ type: "text", text: "hi" }] }];
    const copy = structuredClone(history);
    bodyFor(history);
    expect(history).toEqual(copy);
  });
});

describe("prompt-cache breakpoints", () => {
  it("marks the system prompt, the last user message and where the previous request ended, at most 4", () => {
    const history: MessageParam[] = [
      { role: "user", content: "read everything" },
      { role: "assistant", content: Array.from({ length: 15 }, (_, i) => call(`toolu_${i}`, `f${i}`)) },
      { role: "user", content: Array.from({ length: 15 }, (_, i) => result(`toolu_${i}`)) },
    ];
    const body = bodyFor(history, false);
    expect(body.system?.[0]?.cache_control).toEqual({ type: "ephemeral" });
    expect(body.messages[0]?.content.at(-1)).toMatchObject({ cache_control: { type: "ephemeral" } });
    expect(body.messages[2]?.content.at(-1)).toMatchObject({ cache_control: { type: "ephemeral" } });
    const marked = JSON.stringify(body).split('"cache_control"').length - 1;
    expect(marked).toBe(3);
  });

  it("over HTTP the Claude-like model reads the previous request's prefix across a 30-block turn", async () => {
    const { claudeModel, exampleModel } = await import("@parallel-tool-calls/testing");
    ctx.server.setHandler(claudeModel(exampleModel));
    const handler = new AnthropicHandler(localSettings(ctx.server));
    const first: MessageParam[] = [{ role: "user", content: "read everything" }];
    const usage = async (messages: MessageParam[]) => {
      const chunks = await collect(handler.createMessage("system prompt ".repeat(50), messages, { taskId: "t" }));
      return chunks.find((c) => c.type === "usage");
    };
    await usage(first);
    const second: MessageParam[] = [
      ...first,
      { role: "assistant", content: Array.from({ length: 15 }, (_, i) => call(`toolu_${i}`, `f${i}`)) },
      { role: "user", content: Array.from({ length: 15 }, (_, i) => result(`toolu_${i}`)) },
    ];
    const report = await usage(second);
    expect(report).toMatchObject({ type: "usage" });
    expect((report as { cacheReadTokens?: number }).cacheReadTokens).toBeGreaterThan(0);
  });
});

describe("round trip", () => {
  it("a thinking response's history is accepted with thinking on", async () => {
    const thinking = "Plan: read a.";
    ctx.server.enqueue({
      kind: "stream",
      done: false,
      events: [messageStart(), ...textBlock(0, "Done."), ...messageEnd("end_turn")],
    });
    const history: MessageParam[] = [
      { role: "user", content: "read a" },
      { role: "assistant", content: [signed(thinking), call("toolu_1", "a")] },
      { role: "user", content: [result("toolu_1")] },
    ];
    const settings = localSettings(ctx.server, { modelMaxThinkingTokens: 1024 });
    const chunks = await collect(
      new AnthropicHandler(settings).createMessage("s", history, { taskId: "t", tools: [readFileTool] }),
    );
    expect(chunks.some((c) => c.type === "text")).toBe(true);
    // The same history with the thinking changed is refused like the real API does.
    const changed = structuredClone(history);
    (changed[1]?.content as Array<{ thinking?: string }>)[0] = { ...signed(thinking), thinking: "Plan: read b." };
    expect(findMessagesRequestProblem(bodyFor(changed), HEADERS)?.message).toMatch(
      /Invalid signature in thinking block/,
    );
  });
});
