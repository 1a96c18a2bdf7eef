import { PARALLEL_TOOL_CALLS } from "@parallel-tool-calls/temp-flags";
import type OpenAI from "openai";
import { APIError } from "openai";
import { describe, expect, it } from "vitest";
import { chunk, errorChunk, toolCallChunks, usageChunk } from "../src/index.js";
import { collect, sdkClient, userOnly, useServer } from "./helpers.js";

const ctx = useServer();
const tools: OpenAI.Chat.ChatCompletionTool[] = [
  { type: "function", function: { name: "read_file", parameters: { type: "object" } } },
];

function reassemble(chunks: OpenAI.Chat.ChatCompletionChunk[]) {
  const calls = new Map<number, { id?: string; name?: string; args: string }>();
  for (const c of chunks) {
    for (const tc of c.choices[0]?.delta.tool_calls ?? []) {
      const call = calls.get(tc.index) ?? { args: "" };
      if (tc.id) call.id = tc.id;
      if (tc.function?.name) call.name = tc.function.name;
      call.args += tc.function?.arguments ?? "";
      calls.set(tc.index, call);
    }
  }
  return [...calls.entries()];
}

describe("streaming through the openai SDK", () => {
  it("delivers text, several tool calls, the finish reason and the trailing usage chunk", async () => {
    const { server } = ctx;
    const calls = [
      { id: "call_a", name: "read_file", arguments: '{"path":"src/a.ts"}' },
      { id: "call_b", name: "read_file", arguments: '{"path":"src/b.ts","start":1}' },
    ];
    server.enqueue({
      kind: "stream",
      events: [
        { comment: "OPENROUTER PROCESSING" },
        { data: chunk({ content: "Reading both." }) },
        ...toolCallChunks(calls, { fragmentSize: 3 }),
        { data: chunk({ finish_reason: "tool_calls" }) },
        { data: usageChunk({ prompt_tokens: 12, completion_tokens: 30, cost: 0.001 }) },
      ],
    });
    const stream = await sdkClient(server).chat.completions.create({
      model: "test/model",
      messages: userOnly,
      tools,
      parallel_tool_calls: PARALLEL_TOOL_CALLS,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = await collect(stream);

    expect(chunks[0]?.choices[0]?.delta.content).toBe("Reading both.");
    expect(reassemble(chunks)).toEqual([
      [0, { id: "call_a", name: "read_file", args: calls[0]?.arguments }],
      [1, { id: "call_b", name: "read_file", args: calls[1]?.arguments }],
    ]);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe("tool_calls");
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 30, total_tokens: 42, cost: 0.001 });

    expect(server.requests).toHaveLength(1);
    const [req] = server.requests;
    expect(req?.method).toBe("POST");
    expect(req?.path).toBe("/v1/chat/completions");
    expect(req?.headers.authorization).toBe("Bearer sk-test-key");
    expect(req?.headers["content-type"]).toContain("application/json");
    expect(req?.body.parallel_tool_calls).toBe(PARALLEL_TOOL_CALLS);
    expect(req?.body.tools).toEqual(tools);
    expect(req?.body.stream_options).toEqual({ include_usage: true });
  });

  // openai 6.x does not yield a data event carrying `error`: its iterator throws an APIError (status
  // undefined) built from that object. Providers therefore see the in-stream error as a thrown APIError.
  it("sends an in-stream error chunk on HTTP 200, which the SDK throws as an APIError carrying the chunk's error", async () => {
    const { server } = ctx;
    const raw = JSON.stringify({ error: { message: "upstream overloaded" } });
    const failure = errorChunk({ code: 502, message: "Provider returned error", metadata: { raw } });
    server.enqueue({ kind: "stream", events: [{ data: chunk({ content: "par" }) }, { data: failure }] });
    const stream = await sdkClient(server).chat.completions.create({
      model: "test/model",
      messages: userOnly,
      stream: true,
    });
    const seen: string[] = [];
    const thrown = await (async () => {
      for await (const c of stream) seen.push(c.choices[0]?.delta.content ?? "");
    })().catch((error: unknown) => error);
    expect(seen).toEqual(["par"]);
    expect(thrown).toBeInstanceOf(APIError);
    const apiError = thrown as APIError;
    expect(apiError.status).toBeUndefined();
    expect(apiError.code).toBe(502);
    expect(apiError.error).toEqual({ code: 502, message: "Provider returned error", metadata: { raw } });
  });

  it("frames the in-stream error chunk as plain data with finish_reason error", async () => {
    const { server } = ctx;
    const failure = errorChunk({ code: "server_error", message: "boom" });
    server.enqueue({ kind: "stream", events: [{ data: failure }] });
    const response = await fetch(`${server.baseUrl}/chat/completions`, {
      method: "POST",
      body: JSON.stringify({ model: "test/model", messages: userOnly, stream: true }),
    });
    expect(response.status).toBe(200);
    const frames = (await response.text()).split("\n\n").filter(Boolean);
    expect(frames).toEqual([`data: ${JSON.stringify(failure)}`, "data: [DONE]"]);
    expect(failure.choices[0]?.finish_reason).toBe("error");
    expect(failure.error).toEqual({ code: "server_error", message: "boom" });
  });

  it("surfaces a connection cut mid-stream as an error from the iterator, after the chunks already sent", async () => {
    const { server } = ctx;
    server.enqueue({
      kind: "stream",
      events: [{ data: chunk({ content: "before" }) }, { delayMs: 20 }, { cut: true }],
    });
    const stream = await sdkClient(server).chat.completions.create({
      model: "test/model",
      messages: userOnly,
      stream: true,
    });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const c of stream) seen.push(c.choices[0]?.delta.content ?? "");
      })(),
    ).rejects.toThrow();
    expect(seen).toEqual(["before"]);
  });

  it("ends without [DONE] when done is false, and writes raw frames verbatim", async () => {
    const { server } = ctx;
    server.enqueue({
      kind: "stream",
      done: false,
      events: [{ raw: `data: ${JSON.stringify(chunk({ content: "raw" }))}\n\n` }, { data: chunk({ content: "!" }) }],
    });
    const response = await fetch(`${server.baseUrl}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "test/model", messages: userOnly, stream: true }),
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const text = await response.text();
    expect(text).toBe(
      `data: ${JSON.stringify(chunk({ content: "raw" }))}\n\ndata: ${JSON.stringify(chunk({ content: "!" }))}\n\n`,
    );
  });

  it("frames comments as ': ' lines and terminates with [DONE] by default", async () => {
    const { server } = ctx;
    server.enqueue({ kind: "stream", events: [{ comment: "keep-alive" }, { data: { x: 1 } }] });
    const response = await fetch(`${server.baseUrl}/chat/completions`, {
      method: "POST",
      body: JSON.stringify({ model: "test/model", messages: userOnly }),
    });
    expect(await response.text()).toBe(': keep-alive\n\ndata: {"x":1}\n\ndata: [DONE]\n\n');
  });

  it("waits pacingMs between events (lower bound only)", async () => {
    const { server } = ctx;
    server.enqueue({
      kind: "stream",
      pacingMs: 25,
      events: [1, 2, 3, 4].map((n) => ({ data: chunk({ content: `${n}` }) })),
    });
    const started = Date.now();
    const stream = await sdkClient(server).chat.completions.create({
      model: "test/model",
      messages: userOnly,
      stream: true,
    });
    const text = (await collect(stream)).map((c) => c.choices[0]?.delta.content).join("");
    expect(text).toBe("1234");
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 25 - 5);
  });

  it("answers non-streaming requests with a scripted JSON body", async () => {
    const { server } = ctx;
    server.enqueue({
      kind: "json",
      body: {
        id: "gen-1",
        object: "chat.completion",
        created: 1,
        model: "test/model",
        choices: [{ index: 0, message: { role: "assistant", content: "hello" }, finish_reason: "stop" }],
      },
    });
    const completion = await sdkClient(server).chat.completions.create({ model: "test/model", messages: userOnly });
    expect(completion.choices[0]?.message.content).toBe("hello");
  });
});
