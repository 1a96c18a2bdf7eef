import { inspect } from "node:util";
import { chunk, errorChunk, type ScriptedResponse, toolCallChunks, usageChunk } from "@parallel-tool-calls/testing";
import { describe, expect, it, vi } from "vitest";
import {
  OpenAICompatibleHandler,
  ProviderAbortError,
  ProviderConnectionError,
  ProviderError,
  ProviderFinishReasonError,
  ProviderHttpError,
  ProviderRateLimitError,
  ProviderResponseError,
  ProviderStreamError,
} from "../src/index.js";
import { collectUntilError, hello, readFileTool, useServer, waitFor } from "./helpers.js";

const SECRET = "sk-compat-secret-0123456789";
const ctx = useServer();

function handler(baseUrl = ctx.server.baseUrl) {
  // One attempt per request: these tests are about how one failure is reported (retries: retries.test.ts).
  return new OpenAICompatibleHandler(
    { apiProvider: "openai-compatible", openAiBaseUrl: baseUrl, openAiApiKey: SECRET, openAiModelId: "m" },
    { retry: { maxRetries: 0 } },
  );
}

const stream = (signal?: AbortSignal) =>
  handler().createMessage("s", hello, { taskId: "t", tools: [readFileTool] }, signal ? { signal } : {});

/** Every way an error can be looked at: none may reveal the key. */
function expectNoSecret(error: unknown): void {
  const views = [
    String(error),
    JSON.stringify(error),
    (error as Error).stack ?? "",
    inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    String((error as Error).cause),
  ];
  for (const view of views) expect(view).not.toContain(SECRET);
}

async function failWith(response: ScriptedResponse) {
  ctx.server.enqueue(response);
  const result = await collectUntilError(stream());
  expect(result.error).toBeInstanceOf(ProviderError);
  expectNoSecret(result.error);
  return result as { chunks: typeof result.chunks; error: ProviderError };
}

describe("HTTP errors", () => {
  it.each([
    [400, "bad_request"],
    [401, "unauthorized"],
    [402, "payment_required"],
    [500, "server_error"],
    [503, "server_error"],
  ] as const)("%i keeps its status and a readable message", async (status, code) => {
    const { error } = await failWith({ kind: "error", status, message: `failure number ${status}` });
    expect(error).toBeInstanceOf(ProviderHttpError);
    expect(error).toMatchObject({ status, code, provider: "OpenAI-compatible" });
    expect(error.message).toBe(`OpenAI-compatible error ${status}: failure number ${status}`);
    expect(error.toJSON()).toMatchObject({ status, code, message: error.message });
  });

  it("429 carries the retry hint from the headers, in the message and as retryAfterMs", async () => {
    const { error } = await failWith({ kind: "error", status: 429, retryAfterSeconds: 7 });
    expect(error).toBeInstanceOf(ProviderRateLimitError);
    expect(error).toMatchObject({ status: 429, code: "rate_limited", retryAfterMs: 7000 });
    expect(error.message).toMatch(/rate limit exceeded \(Google AI Studio\), try again in 7s/);
    // The upstream's own message, unwrapped from metadata.raw.
    expect(error.message).toContain("Resource has been exhausted");
  });

  it("429 without headers falls back to the upstream RetryInfo delay", async () => {
    const raw = JSON.stringify({ error: { message: "quota", details: [{ retryDelay: "2.5s" }] } });
    const { error } = await failWith({ kind: "error", status: 429, metadata: { raw }, headers: { "retry-after": "" } });
    expect((error as ProviderRateLimitError).retryAfterMs).toBe(2500);
    expect(error.message).toContain("try again in 2.5s: quota");
  });

  it("a key echoed back by the server is redacted from message, cause and JSON", async () => {
    const { error } = await failWith({ kind: "error", status: 401, message: `Incorrect API key provided: ${SECRET}.` });
    expect(error.message).toBe("OpenAI-compatible error 401: Incorrect API key provided: [redacted].");
  });

  it("an error body with a plain string error still gives a readable message", async () => {
    const { error } = await failWith({ kind: "json", status: 502, body: { error: "bad gateway upstream" } });
    expect(error).toMatchObject({ status: 502, code: "server_error" });
    expect(error.message).toBe("OpenAI-compatible error 502: bad gateway upstream");
  });
});

describe("in-stream failures", () => {
  it("an error chunk becomes a ProviderStreamError after the chunks already received", async () => {
    const { chunks, error } = await failWith({
      kind: "stream",
      events: [
        { data: chunk({ content: "partial" }) },
        { data: errorChunk({ code: 502, message: "Upstream overloaded" }) },
      ],
    });
    expect(chunks).toEqual([{ type: "text", text: "partial" }]);
    expect(error).toBeInstanceOf(ProviderStreamError);
    expect(error).toMatchObject({ code: "stream_error", upstreamCode: 502, status: 502 });
    expect(error.message).toBe("OpenAI-compatible API Error 502: Upstream overloaded");
  });

  it.each([
    ["length", "max_tokens"],
    ["content_filter", "content_filter"],
  ] as const)(
    "finish_reason %s throws after the chunks and the usage, so a truncated call never runs",
    async (reason, code) => {
      const { chunks, error } = await failWith({
        kind: "stream",
        events: [
          ...toolCallChunks([{ id: "c1", name: "read_file", arguments: '{"path":"a.t' }]),
          { data: chunk({ finish_reason: reason }) },
          { data: usageChunk({ prompt_tokens: 5, completion_tokens: 9 }) },
        ],
      });
      expect(error).toBeInstanceOf(ProviderFinishReasonError);
      expect(error).toMatchObject({ code, finishReason: reason });
      expect(chunks.filter((c) => c.type === "tool_call_partial")).toHaveLength(3);
      expect(chunks.some((c) => c.type === "finish_reason")).toBe(false);
      expect(chunks.at(-1)).toMatchObject({ type: "usage", inputTokens: 5, outputTokens: 9 });
    },
  );

  it("a connection cut mid-stream is a ProviderConnectionError (connection_lost)", async () => {
    const { chunks, error } = await failWith({
      kind: "stream",
      events: [{ data: chunk({ content: "half" }) }, { delayMs: 50 }, { cut: true }],
    });
    expect(chunks).toEqual([{ type: "text", text: "half" }]);
    expect(error).toBeInstanceOf(ProviderConnectionError);
    expect(error.code).toBe("connection_lost");
  });

  it("a malformed event is a ProviderResponseError", async () => {
    const { error } = await failWith({ kind: "stream", events: [{ raw: "data: {not json\n\n" }] });
    expect(error).toBeInstanceOf(ProviderResponseError);
    expect(error.code).toBe("invalid_response");
  });

  it("an unreachable server is a ProviderConnectionError (connection_error)", async () => {
    const port = ctx.server.port;
    await ctx.server.close();
    const { error } = await collectUntilError(
      handler(`http://127.0.0.1:${port}/v1`).createMessage("s", hello, { taskId: "t" }),
    );
    expect(error).toBeInstanceOf(ProviderConnectionError);
    expect((error as ProviderError).code).toBe("connection_error");
    expectNoSecret(error);
  });
});

describe("abort", () => {
  it("aborting mid-stream throws ProviderAbortError and the server sees the connection close", async () => {
    const events = Array.from({ length: 200 }, (_, i) => ({ data: chunk({ content: `t${i}` }) }));
    ctx.server.enqueue({ kind: "stream", events, pacingMs: 25 });
    const controller = new AbortController();
    const received: string[] = [];
    let error: unknown;
    const startedAt = Date.now();
    try {
      for await (const c of stream(controller.signal)) {
        if (c.type === "text") received.push(c.text);
        if (received.length === 3) controller.abort();
      }
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ProviderAbortError);
    expect((error as ProviderError).code).toBe("aborted");
    expect(received.slice(0, 3)).toEqual(["t0", "t1", "t2"]);
    // The scripted stream would run 5 s; the server must notice the closed socket long before.
    await waitFor(() => ctx.server.activeResponses === 0, 1000);
    expect(Date.now() - startedAt).toBeLessThan(2000);
    expectNoSecret(error);
  });

  it("an already aborted signal throws before any request is sent", async () => {
    const { error } = await collectUntilError(stream(AbortSignal.abort()));
    expect(error).toBeInstanceOf(ProviderAbortError);
    expect(ctx.server.requests).toHaveLength(0);
  });

  it("aborting while waiting for the response headers also closes the request", async () => {
    ctx.server.setHandler(async () => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      return { kind: "stream", events: [] };
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const { error } = await collectUntilError(stream(controller.signal));
    expect(error).toBeInstanceOf(ProviderAbortError);
    await waitFor(() => ctx.server.activeResponses === 0, 1000);
  });
});

describe("the error convention", () => {
  it("isInstance holds for an error made by a second loaded copy of the package, where instanceof fails", async () => {
    vi.resetModules();
    const copy = await import("../src/errors.js");
    expect(copy.ProviderRateLimitError).not.toBe(ProviderRateLimitError);
    const error = new copy.ProviderRateLimitError({
      message: "slow down",
      provider: "P",
      status: 429,
      retryAfterMs: 5,
    });
    expect(error).not.toBeInstanceOf(ProviderRateLimitError);
    expect(ProviderRateLimitError.isInstance(error)).toBe(true);
    expect(ProviderHttpError.isInstance(error)).toBe(true);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(ProviderStreamError.isInstance(error)).toBe(false);
    expect(ProviderError.isInstance({ code: "rate_limited", message: "slow down" })).toBe(false);
  });

  it("takes one options object, keeps the cause, and derives fixed codes from the class", () => {
    const cause = new Error("socket closed");
    const lost = new ProviderConnectionError({ code: "connection_lost", message: "lost", provider: "P", cause });
    expect(lost.cause).toBe(cause);
    expect(new ProviderFinishReasonError({ finishReason: "length", message: "cut", provider: "P" }).code).toBe(
      "max_tokens",
    );
    expect(new ProviderAbortError({ message: "stop", provider: "P" }).code).toBe("aborted");
    expect(
      JSON.parse(JSON.stringify(new ProviderStreamError({ message: "m", provider: "P", upstreamCode: 502 }))),
    ).toEqual({ name: "ProviderStreamError", code: "stream_error", message: "m", provider: "P", upstreamCode: 502 });
  });
});
