import type { ApiStreamChunk } from "@parallel-tool-calls/core-metadata";
import {
  messageEnd,
  messageStart,
  messagesEvent,
  ping,
  redactedThinkingBlock,
  textBlock,
  thinkingBlock,
  toolUseBlock,
} from "@parallel-tool-calls/testing";
import { parseToolCallStream } from "@parallel-tool-calls/tool-parser";
import { describe, expect, it } from "vitest";
import { AnthropicHandler } from "../src/index.js";
import { collect, hello, localSettings, readFileTool, useServer } from "./helpers.js";

const ctx = useServer();

function stream(events: ReturnType<typeof messageStart>[]) {
  ctx.server.enqueue({ kind: "stream", done: false, events });
  return new AnthropicHandler(localSettings(ctx.server)).createMessage("s", hello, {
    taskId: "t",
    tools: [readFileTool],
  });
}

const calls = [
  { id: "toolu_01", name: "read_file", input: '{"path":"a.ts"}' },
  { id: "toolu_02", name: "read_file", input: '{"path":"b.ts"}' },
  { id: "toolu_03", name: "read_file", input: '{"path":"c.ts"}' },
];

describe("AnthropicHandler stream", () => {
  it("maps thinking, text and tool_use blocks in stream order, each call complete on its own stop", async () => {
    const chunks = await collect(
      stream([
        messageStart({ usage: { input_tokens: 10, cache_read_input_tokens: 100, cache_creation_input_tokens: 20 } }),
        ...thinkingBlock(0, "Three files to read.", "sig_abc"),
        ...textBlock(1, "Reading them."),
        ping(),
        ...calls.flatMap((call, i) => toolUseBlock(2 + i, call, { fragmentSize: 5 })),
        ...messageEnd("tool_use", { output_tokens: 42 }),
      ]),
    );
    const kinds = chunks.map((c) => (c.type === "tool_call_complete" ? `complete:${c.index}` : c.type));
    expect(kinds.filter((k) => k !== "tool_call_partial" && k !== "reasoning" && k !== "text")).toEqual([
      "provider_block",
      "complete:2",
      "complete:3",
      "complete:4",
      "finish_reason",
      "usage",
    ]);
    expect(chunks.find((c) => c.type === "provider_block")).toEqual({
      type: "provider_block",
      block: { type: "thinking", thinking: "Three files to read.", signature: "sig_abc" },
    });
    const text = (type: "text" | "reasoning") => chunks.map((c) => (c.type === type ? c.text : "")).join("");
    expect(text("reasoning")).toBe("Three files to read.");
    expect(text("text")).toBe("Reading them.");
    // Each call's fragments all come before its complete chunk, which comes before the next call's start.
    const order = chunks.flatMap((c) =>
      c.type === "tool_call_partial" && c.id
        ? [`start:${c.index}`]
        : c.type === "tool_call_complete"
          ? [`end:${c.index}`]
          : [],
    );
    expect(order).toEqual(["start:2", "end:2", "start:3", "end:3", "start:4", "end:4"]);
    expect(chunks.find((c) => c.type === "finish_reason")).toEqual({ type: "finish_reason", reason: "tool_use" });
    expect(chunks.at(-1)).toEqual({
      type: "usage",
      inputTokens: 130,
      outputTokens: 42,
      cacheReadTokens: 100,
      cacheWriteTokens: 20,
    });
  });

  it("the parser ends each call on its complete chunk, before the next block starts", async () => {
    const parsed = await collect(
      parseToolCallStream(
        stream([messageStart(), ...calls.flatMap((call, i) => toolUseBlock(i, call)), ...messageEnd("tool_use")]),
      ),
    );
    const events = parsed.flatMap((c) =>
      c.type === "tool_call_start" ? [`start:${c.id}`] : c.type === "tool_call_end" ? [`end:${c.id}`] : [],
    );
    expect(events).toEqual([
      "start:toolu_01",
      "end:toolu_01",
      "start:toolu_02",
      "end:toolu_02",
      "start:toolu_03",
      "end:toolu_03",
    ]);
    const ends = parsed.filter((c) => c.type === "tool_call_end");
    expect(ends.map((e) => (e.type === "tool_call_end" ? e.input : undefined))).toEqual([
      { path: "a.ts" },
      { path: "b.ts" },
      { path: "c.ts" },
    ]);
  });

  it("a call without parameters, or with its whole input at the start, gets that input", async () => {
    const parsed = await collect(
      parseToolCallStream(
        stream([
          messageStart(),
          ...toolUseBlock(0, { id: "toolu_a", name: "list_files", input: "" }),
          messagesEvent({
            type: "content_block_start",
            index: 1,
            content_block: { type: "tool_use", id: "toolu_b", name: "read_file", input: { path: "x.ts" } },
          }),
          messagesEvent({ type: "content_block_stop", index: 1 }),
          ...messageEnd("tool_use"),
        ]),
      ),
    );
    const ends = parsed.flatMap((c) => (c.type === "tool_call_end" ? [[c.id, c.input]] : []));
    expect(ends).toEqual([
      ["toolu_a", {}],
      ["toolu_b", { path: "x.ts" }],
    ]);
  });

  it("keeps redacted thinking as a provider block, and usage from message_delta as final", async () => {
    const chunks: ApiStreamChunk[] = await collect(
      stream([
        messageStart({ usage: { input_tokens: 5, cache_read_input_tokens: 0 } }),
        ...redactedThinkingBlock(0, "EncryptedBlob=="),
        ...textBlock(1, "Done."),
        ...messageEnd("end_turn", { input_tokens: 7, cache_read_input_tokens: 3, output_tokens: 9 }),
      ]),
    );
    expect(chunks).toContainEqual({
      type: "provider_block",
      block: { type: "redacted_thinking", data: "EncryptedBlob==" },
    });
    expect(chunks.at(-1)).toEqual({ type: "usage", inputTokens: 10, outputTokens: 9, cacheReadTokens: 3 });
  });
});
