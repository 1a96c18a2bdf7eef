import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import { encryptedContentFor, responsesStream } from "@parallel-tool-calls/testing";
import { describe, expect, it } from "vitest";
import { callsOf, collect, handlerFor, ofType, SECRET_KEY, TOOLS, textOf, useServer } from "./helpers.js";

const ctx = useServer();
const user = [{ role: "user" as const, content: "Read the three files." }];

const threeCalls = [
  { type: "reasoning" as const, id: "rs_1", summary: ["Three files ", "are needed."] },
  { type: "function_call" as const, callId: "call_a", name: "read_file", arguments: '{"path":"a.ts"}' },
  { type: "function_call" as const, callId: "call_b", name: "read_file", arguments: '{"path":"b.ts"}' },
  { type: "function_call" as const, callId: "call_c", name: "list_files", arguments: '{"path":"src"}' },
];
const usage = { input_tokens: 120, cached_tokens: 100, output_tokens: 80, reasoning_tokens: 30 };

describe("OpenAiNativeHandler request", () => {
  it("sends a stateless streaming request with flat tools, the switch and the system prompt as instructions", async () => {
    ctx.server.enqueue(responsesStream([{ type: "message", text: "ok" }]));
    await collect(
      handlerFor(ctx.server, { reasoningEffort: "high", modelMaxTokens: 4000 }).createMessage("Be brief.", user, {
        taskId: "t",
        tools: TOOLS,
      }),
    );
    const request = ctx.server.requests[0];
    expect(request?.path).toBe("/v1/responses");
    expect(request?.body).toMatchObject({
      model: "gpt-5.1",
      instructions: "Be brief.",
      stream: true,
      store: false,
      include: ["reasoning.encrypted_content"],
      tool_choice: "auto",
      parallel_tool_calls: PARALLEL_TOOL_CALLS,
      reasoning: { effort: "high", summary: "auto" },
      max_output_tokens: 4000,
      input: [{ type: "message", role: "user", content: [{ type: "input_text", text: "Read the three files." }] }],
    });
    expect(request?.body.tools[0]).toEqual({
      type: "function",
      name: "read_file",
      description: "read_file in the workspace",
      parameters: TOOLS[0]?.function.parameters,
      strict: false,
    });
    expect(request?.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
  });

  it("sends neither tool_choice nor parallel_tool_calls without tools, nor reasoning without an effort", async () => {
    ctx.server.enqueue(responsesStream([{ type: "message", text: "ok" }]));
    await collect(handlerFor(ctx.server).createMessage("", user, { taskId: "t" }));
    const body = ctx.server.requests[0]?.body;
    for (const key of [
      "tools",
      "tool_choice",
      "parallel_tool_calls",
      "reasoning",
      "instructions",
      "max_output_tokens",
    ]) {
      expect(body).not.toHaveProperty(key);
    }
  });
});

describe("OpenAiNativeHandler stream", () => {
  it("maps reasoning, each call (complete on its own done event), the reasoning item and usage", async () => {
    ctx.server.enqueue(responsesStream(threeCalls, { usage, fragmentSize: 3 }));
    const chunks = await collect(handlerFor(ctx.server).createMessage("", user, { taskId: "t", tools: TOOLS }));
    expect(textOf(chunks, "reasoning")).toBe("Three files \n\nare needed.");
    expect(callsOf(chunks)).toEqual([
      { index: 1, id: "call_a", name: "read_file", arguments: '{"path":"a.ts"}' },
      { index: 2, id: "call_b", name: "read_file", arguments: '{"path":"b.ts"}' },
      { index: 3, id: "call_c", name: "list_files", arguments: '{"path":"src"}' },
    ]);
    // Each call completes before the next one's first fragment: its tool can start at once.
    const order = chunks.flatMap((c) => {
      if (c.type === "tool_call_complete") return [`done:${c.index}`];
      return c.type === "tool_call_partial" && c.id !== undefined ? [`start:${c.index}`] : [];
    });
    expect(order).toEqual(["start:1", "done:1", "start:2", "done:2", "start:3", "done:3"]);
    expect(ofType(chunks, "tool_call_complete").map((c) => c.toolCallId)).toEqual(["call_a", "call_b", "call_c"]);
    // The whole reasoning item of the done event: its encrypted content complete, not the added copy.
    expect(ofType(chunks, "provider_block")).toEqual([
      {
        type: "provider_block",
        block: {
          type: "provider_data",
          protocol: "openai-responses",
          data: {
            id: "rs_1",
            type: "reasoning",
            summary: [
              { type: "summary_text", text: "Three files " },
              { type: "summary_text", text: "are needed." },
            ],
            encrypted_content: encryptedContentFor("rs_1", ["Three files ", "are needed."]),
          },
        },
      },
    ]);
    expect(ofType(chunks, "finish_reason")).toEqual([{ type: "finish_reason", reason: "tool_calls" }]);
    expect(ofType(chunks, "usage")).toEqual([
      { type: "usage", inputTokens: 120, outputTokens: 80, cacheReadTokens: 100, reasoningTokens: 30 },
    ]);
    expect(chunks.at(-1)?.type).toBe("usage");
  });

  it("reads OpenRouter's framing (no event lines, a [DONE] at the end) the same way", async () => {
    ctx.server.enqueue(responsesStream(threeCalls, { usage }));
    const framed = await collect(handlerFor(ctx.server).createMessage("", user, { taskId: "t", tools: TOOLS }));
    ctx.server.enqueue(responsesStream(threeCalls, { usage, eventLines: false }));
    const bare = await collect(handlerFor(ctx.server).createMessage("", user, { taskId: "t", tools: TOOLS }));
    expect(bare).toEqual(framed);
  });

  it("takes the arguments from the done events when no delta came (LM Studio)", async () => {
    ctx.server.enqueue(
      responsesStream([
        { type: "function_call", callId: "call_1", name: "read_file", arguments: '{"path":"x"}', deltas: false },
        { type: "message", text: "after" },
      ]),
    );
    const chunks = await collect(handlerFor(ctx.server).createMessage("", user, { taskId: "t", tools: TOOLS }));
    expect(callsOf(chunks)).toEqual([{ index: 0, id: "call_1", name: "read_file", arguments: '{"path":"x"}' }]);
    expect(textOf(chunks, "text")).toBe("after");
    expect(ofType(chunks, "finish_reason")[0]?.reason).toBe("tool_calls");
  });

  it("answers text as text and finishes with stop", async () => {
    ctx.server.enqueue(responsesStream([{ type: "message", text: "Hello there, general." }], { fragmentSize: 2 }));
    const chunks = await collect(handlerFor(ctx.server).createMessage("", user, { taskId: "t" }));
    expect(textOf(chunks, "text")).toBe("Hello there, general.");
    expect(ofType(chunks, "finish_reason")[0]?.reason).toBe("stop");
    expect(ofType(chunks, "tool_call_partial")).toEqual([]);
  });
});
