import type { ApiStreamChunk, ContentBlockParam, MessageParam } from "@parallel-tool-calls/core-metadata";
import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { encryptedContentFor, gptModel, responsesStream } from "@parallel-tool-calls/testing";
import { describe, expect, it } from "vitest";
import { convertToResponsesInput } from "../src/index.js";
import { callsOf, collect, collectUntilError, handlerFor, TOOLS, useServer } from "./helpers.js";

const ctx = useServer();
const metadata = { taskId: "t", tools: TOOLS };

/** The assistant message a turn keeps: reasoning items and calls in stream order. */
function assistantOf(chunks: ApiStreamChunk[]): MessageParam {
  const content: ContentBlockParam[] = [];
  const calls = new Map(callsOf(chunks).map((call) => [call.index, call]));
  for (const chunk of chunks) {
    if (chunk.type === "provider_block") content.push(chunk.block);
    if (chunk.type === "text") content.push({ type: "text", text: chunk.text });
    if (chunk.type === "tool_call_complete") {
      const call = calls.get(chunk.index as number);
      if (call) content.push({ type: "tool_use", id: call.id, name: call.name, input: JSON.parse(call.arguments) });
    }
  }
  return { role: "assistant", content };
}

function resultsFor(message: MessageParam): MessageParam {
  const blocks = message.content as ContentBlockParam[];
  return {
    role: "user",
    content: blocks.flatMap((b): ContentBlockParam[] =>
      b.type === "tool_use" ? [{ type: "tool_result", tool_use_id: b.id, content: `contents of ${b.id}` }] : [],
    ),
  };
}

describe("history sent back", () => {
  it("three requests against the strict server: reasoning items accepted back, every call answered", async () => {
    ctx.server.setHandler(gptModel({ rounds: [3, 1] }));
    const handler = handlerFor(ctx.server);
    const history: MessageParam[] = [{ role: "user", content: "Read everything." }];
    const callCounts: number[] = [];
    for (let request = 0; request < 3; request++) {
      const chunks = await collect(handler.createMessage("sys", history, metadata));
      const assistant = assistantOf(chunks);
      history.push(assistant);
      const calls = (assistant.content as ContentBlockParam[]).filter((b) => b.type === "tool_use");
      callCounts.push(calls.length);
      if (calls.length > 0) history.push(resultsFor(assistant));
    }
    // With the switch off the model may call one tool per response.
    const first = PARALLEL_TOOL_CALLS ? 3 : 1;
    expect(callCounts).toEqual([first, 1, 0]);
    const [, second, third] = ctx.server.requests.map((r) => r.body.input as Array<Record<string, unknown>>);
    // Each reasoning item right before the calls it led to, then one output per call.
    expect(second?.map((item) => item.type ?? item.role)).toEqual([
      "message",
      "reasoning",
      ...Array(first).fill("function_call"),
      ...Array(first).fill("function_call_output"),
    ]);
    const summary = `Round 1: ${first} tool call${first === 1 ? "" : "s"} needed.`;
    expect(second?.[1]).toMatchObject({
      id: "rs_round0_1",
      encrypted_content: encryptedContentFor("rs_round0_1", [summary]),
    });
    expect(second?.[2]).toEqual({
      type: "function_call",
      call_id: "call_round0_0",
      name: "read_file",
      arguments: '{"path":"example"}',
    });
    expect(third?.filter((item) => item.type === "reasoning")).toHaveLength(2);
    expect(ctx.server.requests).toHaveLength(3);
  });

  it("the strict server rejects a changed encrypted_content and a call without output; a reasoning item left last is not sent", async () => {
    const reasoning = {
      id: "rs_x",
      type: "reasoning",
      summary: [],
      encrypted_content: encryptedContentFor("rs_x", []),
    };
    const call: ContentBlockParam = { type: "tool_use", id: "call_1", name: "read_file", input: { path: "a" } };
    const cases: Array<[MessageParam[], string]> = [
      [
        [
          { role: "user", content: "go" },
          {
            role: "assistant",
            content: [
              {
                type: "provider_data",
                protocol: "openai-responses",
                data: { ...reasoning, encrypted_content: "gAAAAB-forged" },
              },
              call,
            ],
          },
          { role: "user", content: [{ type: "tool_result", tool_use_id: "call_1", content: "x" }] },
        ],
        "The encrypted content for item rs_x could not be verified.",
      ],
      [
        [
          { role: "user", content: "go" },
          { role: "assistant", content: [call] },
        ],
        "No tool output found for function call call_1.",
      ],
    ];
    for (const [history, message] of cases) {
      const { error } = await collectUntilError(handlerFor(ctx.server).createMessage("", history, metadata));
      expect((error as Error).message).toContain(message);
    }
    // Sent as is, a reasoning item left last would be refused; the converter leaves it out.
    const input = convertToResponsesInput([
      { role: "user", content: "go" },
      { role: "assistant", content: [{ type: "provider_data", protocol: "openai-responses", data: reasoning }] },
      { role: "user", content: "again" },
    ]);
    expect(input.map((item) => item.type)).toEqual(["message", "message"]);
  });

  it("a history from other providers converts to input the strict server accepts", async () => {
    const history: MessageParam[] = [
      {
        role: "user",
        content: [
          { type: "text", text: "Look" },
          { type: "image", source: { type: "url", url: "https://example.com/a.png" } },
        ],
      },
      {
        role: "assistant",
        content: [
          { type: "thinking", thinking: "Claude's thoughts", signature: "sig-anthropic" },
          { type: "redacted_thinking", data: "opaque" },
          { type: "reasoning", text: "unsigned reasoning" },
          { type: "text", text: "Reading." },
          { type: "tool_use", id: "functions.read_file:0", name: "read_file", input: { path: "a" } },
          {
            type: "tool_use",
            id: "toolu_01ABC",
            name: "read_file",
            input: { path: "b" },
            extra_content: { google: { thought_signature: "g" } },
          },
          { type: "provider_data", protocol: "anthropic-messages", data: { kind: "whatever" } },
        ],
        reasoning_details: [{ type: "reasoning.text", text: "gateway reasoning" }],
      },
      {
        role: "user",
        content: [
          { type: "tool_result", tool_use_id: "functions.read_file:0", content: "A" },
          {
            type: "tool_result",
            tool_use_id: "toolu_01ABC",
            is_error: true,
            content: [
              { type: "text", text: "a screenshot" },
              { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" } },
            ],
          },
          { type: "text", text: "Go on." },
        ],
      },
      { role: "assistant", content: "Summary so far." },
      { role: "user", content: "Thanks." },
      // A Chat-style call id reused by a later turn (some servers restart at call_1).
      { role: "assistant", content: [{ type: "tool_use", id: "call_1", name: "list_files", input: {} }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "call_1", content: "1" }] },
      { role: "assistant", content: [{ type: "tool_use", id: "call_1", name: "list_files", input: {} }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "call_1", content: "2" }] },
    ];
    ctx.server.enqueue(responsesStream([{ type: "message", text: "ok" }]));
    await collect(handlerFor(ctx.server).createMessage("", history, metadata));
    const input = ctx.server.requests[0]?.body.input as Array<Record<string, unknown>>;
    expect(input.map((item) => item.type)).toEqual([
      "message",
      "message",
      "function_call",
      "function_call",
      "function_call_output",
      "function_call_output",
      "message",
      "message",
      "message",
      "function_call",
      "function_call_output",
      "function_call",
      "function_call_output",
    ]);
    const calls = input.filter((item) => item.type === "function_call").map((item) => item.call_id);
    expect(new Set(calls).size).toBe(calls.length);
    for (const id of calls) expect(id).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    // The tool's image goes back with its output, as input parts.
    expect(input[5]).toMatchObject({
      type: "function_call_output",
      output: [
        { type: "input_text", text: "a screenshot" },
        { type: "input_image", image_url: "data:image/png;base64,iVBORw0KGgo=" },
      ],
    });
    expect(JSON.stringify(input)).not.toMatch(
      /Claude's thoughts|sig-anthropic|opaque|unsigned reasoning|gateway reasoning|whatever/,
    );
  });
});
