import { chunk, usageChunk } from "@parallel-tool-calls/testing";
import { describe, expect, it } from "vitest";
import { OpenAICompatibleHandler } from "../src/index.js";
import { ReasoningDetailsAccumulator } from "../src/reasoning-details.js";
import { collect, hello, useServer } from "./helpers.js";

describe("ReasoningDetailsAccumulator", () => {
  it("merges fragments by type and index: text, summary and data appended, other fields latest", () => {
    const acc = new ReasoningDetailsAccumulator();
    acc.add([{ type: "reasoning.text", text: "a", index: 0 }]);
    acc.add([
      { type: "reasoning.text", text: "b", index: 0, signature: "s1" },
      { type: "reasoning.encrypted", id: "call_1", data: "x", index: 1 },
    ]);
    acc.add([{ type: "reasoning.encrypted", data: "y", index: 1, format: "google-gemini-v1" }]);
    acc.add([{ type: "reasoning.encrypted", index: 2 }]);
    acc.add(null);
    expect(acc.toChunk()).toEqual({
      type: "reasoning_details",
      details: [
        { type: "reasoning.text", text: "ab", index: 0, signature: "s1" },
        { type: "reasoning.encrypted", id: "call_1", data: "xy", index: 1, format: "google-gemini-v1" },
      ],
    });
    expect(new ReasoningDetailsAccumulator().toChunk()).toBeUndefined();
  });
});

describe("reasoning_details over HTTP", () => {
  const ctx = useServer();

  it("comes once, after the stream and before usage, with every detail accumulated", async () => {
    ctx.server.enqueue({
      kind: "stream",
      events: [
        { data: chunk({ reasoning_details: [{ type: "reasoning.text", text: "think ", index: 0 }] }) },
        { data: chunk({ reasoning_details: [{ type: "reasoning.text", text: "more", index: 0 }] }) },
        { data: chunk({ content: "ok", finish_reason: "stop" }) },
        { data: usageChunk({ prompt_tokens: 1, completion_tokens: 1 }) },
      ],
    });
    const handler = new OpenAICompatibleHandler({ openAiBaseUrl: ctx.server.baseUrl, openAiModelId: "m" });
    const types = (await collect(handler.createMessage("s", hello, { taskId: "t" }))).map((c) =>
      c.type === "reasoning_details" ? c : c.type,
    );
    expect(types).toEqual([
      "reasoning",
      "reasoning",
      "text",
      "finish_reason",
      { type: "reasoning_details", details: [{ type: "reasoning.text", text: "think more", index: 0 }] },
      "usage",
    ]);
  });
});
