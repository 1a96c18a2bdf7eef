import { inspect } from "node:util";
import {
  ProviderAbortError,
  ProviderError,
  ProviderFinishReasonError,
  ProviderHttpError,
  ProviderIdleTimeoutError,
  ProviderRateLimitError,
  ProviderResponseError,
  ProviderStreamError,
} from "@parallel-tool-calls/provider-helpers";
import {
  messageEnd,
  messageStart,
  messagesError,
  messagesErrorEvent,
  messagesEvent,
  type ScriptedResponse,
  textBlock,
  toolUseBlock,
} from "@parallel-tool-calls/testing";
import { parseToolCallStream } from "@parallel-tool-calls/tool-parser";
import { describe, expect, it } from "vitest";
import { AnthropicHandler, type AnthropicHandlerOptions } from "../src/index.js";
import {
  collect,
  collectUntilError,
  hello,
  localSettings,
  readFileTool,
  TEST_KEY,
  useServer,
  waitFor,
} from "./helpers.js";

const ctx = useServer();

function expectNoSecret(error: unknown): void {
  const views = [
    String(error),
    JSON.stringify(error),
    (error as Error).stack ?? "",
    inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
  ];
  for (const view of views) expect(view).not.toContain(TEST_KEY);
}

// One attempt: the retries before the stream have their own test below.
const ONCE = { retry: { maxRetries: 0 } };

async function failWith(response: ScriptedResponse, options: AnthropicHandlerOptions = {}, signal?: AbortSignal) {
  ctx.server.enqueue(response);
  const handler = new AnthropicHandler(localSettings(ctx.server), { ...ONCE, ...options });
  const stream = handler.createMessage("s", hello, { taskId: "t", tools: [readFileTool] }, signal ? { signal } : {});
  const result = await collectUntilError(parseToolCallStream(stream));
  expect(ProviderError.isInstance(result.error)).toBe(true);
  expect((result.error as ProviderError).provider).toBe("Anthropic");
  expectNoSecret(result.error);
  return result as { chunks: typeof result.chunks; error: ProviderError };
}

describe("AnthropicHandler failure paths (over HTTP)", () => {
  it.each([
    [400, "bad_request", "invalid_request_error"],
    [401, "unauthorized", "authentication_error"],
    [403, "forbidden", "permission_error"],
    [404, "not_found", "not_found_error"],
    [413, "http_error", "request_too_large"],
    [500, "server_error", "api_error"],
    [529, "server_error", "overloaded_error"],
  ] as const)(
    "HTTP %i is a ProviderHttpError (%s) with the API's message and error type",
    async (status, code, type) => {
      const { error } = await failWith(messagesError(status, { message: `boom with ${TEST_KEY} echoed` }));
      expect(ProviderHttpError.isInstance(error)).toBe(true);
      expect(error.code).toBe(code);
      expect(error.status).toBe(status);
      expect((error as ProviderHttpError).upstreamCode).toBe(type);
      expect(error.message).toBe(`Anthropic error ${status}: boom with [redacted] echoed`);
    },
  );

  it.each([429, 529] as const)("HTTP %i keeps the retry-after hint", async (status) => {
    const { error } = await failWith(messagesError(status, { retryAfterSeconds: 7 }));
    expect((error as ProviderHttpError).retryAfterMs).toBe(7000);
    if (status === 429) expect(ProviderRateLimitError.isInstance(error)).toBe(true);
    expect(error.toJSON()).toMatchObject({ retryAfterMs: 7000, status });
  });

  it("a 529 (overloaded) before the stream is re-sent after its retry-after, then streams", async () => {
    ctx.server.enqueue(messagesError(529, { retryAfterSeconds: 0.05 }), {
      kind: "stream",
      done: false,
      events: [messageStart(), ...textBlock(0, "back"), ...messageEnd("end_turn")],
    });
    const handler = new AnthropicHandler(localSettings(ctx.server));
    const chunks = await collect(handler.createMessage("s", hello, { taskId: "t" }));
    expect(chunks[0]).toMatchObject({ type: "retry", attempt: 2, delayMs: 50, reason: { status: 529 } });
    expect(chunks.some((c) => c.type === "text" && c.text === "back")).toBe(true);
    expect(ctx.server.requests).toHaveLength(2);
  });

  it("an in-stream error event is a ProviderStreamError that keeps the usage so far", async () => {
    const { chunks, error } = await failWith({
      kind: "stream",
      done: false,
      events: [
        messageStart({ usage: { input_tokens: 12, cache_read_input_tokens: 30 } }),
        ...textBlock(0, "Partial"),
        messagesErrorEvent("overloaded_error", "Overloaded"),
      ],
    });
    expect(ProviderStreamError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ upstreamCode: "overloaded_error", status: 529 });
    expect(error.message).toBe("Anthropic API Error overloaded_error: Overloaded");
    const usage = { type: "usage", inputTokens: 42, outputTokens: 1, cacheReadTokens: 30 };
    expect(chunks.at(-1)).toEqual(usage);
    expect(error.usage).toEqual(usage);
  });

  it("max_tokens while a tool_use block is open: the complete call ends, the cut one never does", async () => {
    const { chunks, error } = await failWith({
      kind: "stream",
      done: false,
      events: [
        messageStart(),
        ...toolUseBlock(0, { id: "toolu_ok", name: "read_file", input: '{"path":"a.ts"}' }),
        ...toolUseBlock(1, { id: "toolu_cut", name: "read_file", input: '{"path":"b' }, { open: true }),
        ...messageEnd("max_tokens", { output_tokens: 64 }),
      ],
    });
    expect(ProviderFinishReasonError.isInstance(error)).toBe(true);
    expect(error.code).toBe("max_tokens");
    const ended = chunks.flatMap((c) => (c.type === "tool_call_end" ? [c.id] : []));
    expect(ended).toEqual(["toolu_ok"]);
    expect(error.usage?.outputTokens).toBe(64);
  });

  it("refusal is a ProviderFinishReasonError with code content_filter", async () => {
    const { error } = await failWith({
      kind: "stream",
      done: false,
      events: [messageStart(), ...textBlock(0, "I can't"), ...messageEnd("refusal")],
    });
    expect(error.code).toBe("content_filter");
    expect(error.message).toContain("refusal");
  });

  it("a body that ends before message_stop is an incomplete stream", async () => {
    const { error } = await failWith({ kind: "stream", done: false, events: [messageStart(), ...textBlock(0, "cut")] });
    expect(ProviderResponseError.isInstance(error)).toBe(true);
    expect(error.code).toBe("incomplete_stream");
  });

  it("a stalled stream fails with the idle bound", async () => {
    const { error } = await failWith(
      { kind: "stream", done: false, events: [messageStart(), { stall: true }] },
      { idleTimeoutMs: 150 },
    );
    expect(ProviderIdleTimeoutError.isInstance(error)).toBe(true);
    expect(error.code).toBe("idle_timeout");
  });

  it("an event over maxEventChars fails with event_too_large", async () => {
    const huge = messagesEvent({
      type: "content_block_delta",
      index: 0,
      delta: { type: "text_delta", text: "x".repeat(5000) },
    });
    const { error } = await failWith(
      { kind: "stream", done: false, events: [messageStart(), ...textBlock(0, "a").slice(0, 1), huge] },
      { maxEventChars: 1000 },
    );
    expect(error.code).toBe("event_too_large");
  });

  it("a malformed event is invalid_response", async () => {
    const { error } = await failWith({
      kind: "stream",
      done: false,
      events: [messageStart(), { raw: "event: content_block_delta\ndata: {not json\n\n" }],
    });
    expect(error.code).toBe("invalid_response");
  });

  it("abort closes the connection and throws ProviderAbortError", async () => {
    const controller = new AbortController();
    const pending = failWith(
      { kind: "stream", done: false, events: [messageStart(), ...textBlock(0, "wait"), { stall: true }] },
      {},
      controller.signal,
    );
    await waitFor(() => ctx.server.activeResponses > 0);
    controller.abort();
    const { error } = await pending;
    expect(ProviderAbortError.isInstance(error)).toBe(true);
    await waitFor(() => ctx.server.activeResponses === 0);
  });

  it("the key in the base URL or echoed by the server never reaches the error", async () => {
    ctx.server.enqueue(messagesError(400, { message: `header x-api-key: ${TEST_KEY}` }));
    const settings = localSettings(ctx.server, {
      anthropicBaseUrl: `http://user:${TEST_KEY}@127.0.0.1:${ctx.server.port}`,
    });
    const result = await collectUntilError(new AnthropicHandler(settings).createMessage("s", hello, { taskId: "t" }));
    expectNoSecret(result.error);
  });
});
