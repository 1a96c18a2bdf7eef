import { createServer } from "node:net";
import type { ApiStreamChunk, ApiStreamRetryChunk, RetryOptions } from "@parallel-tool-calls/core-metadata";
import { chunk, type ErrorStatus, errorChunk, type ScriptedResponse } from "@parallel-tool-calls/testing";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_RETRY_OPTIONS,
  OpenAICompatibleHandler,
  ProviderAbortError,
  ProviderConnectionError,
  type ProviderError,
  ProviderHttpError,
  ProviderRateLimitError,
  ProviderStreamError,
  RETRYABLE_STATUSES,
} from "../src/index.js";
import { collect, collectUntilError, hello, readFileTool, useServer } from "./helpers.js";

const ctx = useServer();
// Short waits keep the tests fast; the retry-after tests set their own.
const FAST: RetryOptions = { initialDelayMs: 5 };

function handler(retry: RetryOptions = FAST, baseUrl = ctx.server.baseUrl) {
  return new OpenAICompatibleHandler(
    { apiProvider: "openai-compatible", openAiBaseUrl: baseUrl, openAiApiKey: "sk-retry-test", openAiModelId: "m" },
    { retry },
  );
}

function request(h = handler(), options: { signal?: AbortSignal; retry?: RetryOptions } = {}) {
  return h.createMessage("s", hello, { taskId: "t", tools: [readFileTool] }, options);
}

const answer: ScriptedResponse = {
  kind: "stream",
  events: [{ data: chunk({ content: "answered" }) }, { data: chunk({ finish_reason: "stop" }) }],
};

const retries = (chunks: ApiStreamChunk[]) => chunks.filter((c): c is ApiStreamRetryChunk => c.type === "retry");
const text = (chunks: ApiStreamChunk[]) => chunks.map((c) => (c.type === "text" ? c.text : "")).join("");

/** A port on 127.0.0.1 that nothing listens on (taken, then released). */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("retries before the stream starts", () => {
  const statuses: ErrorStatus[] = [408, 409, 429, 500, 502, 503, 504, 529];

  it("covers exactly the documented statuses", () => {
    expect([...RETRYABLE_STATUSES].sort()).toEqual([...statuses].sort());
    expect(DEFAULT_RETRY_OPTIONS).toEqual({
      maxRetries: 2,
      initialDelayMs: 1000,
      maxDelayMs: 30_000,
      maxTotalWaitMs: 60_000,
    });
  });

  it.each(statuses)("re-sends after %i and streams the answer of the second attempt", async (status) => {
    // retry-after-ms: 0 so that the 429's default one-second hint does not slow the test.
    ctx.server.enqueue({ kind: "error", status, headers: { "retry-after-ms": "0" } }, answer);
    const chunks = await collect(request());
    expect(text(chunks)).toBe("answered");
    expect(ctx.server.requests).toHaveLength(2);
    expect(ctx.server.requests[1]?.rawBody).toBe(ctx.server.requests[0]?.rawBody);
    const [retry, ...more] = retries(chunks);
    expect(more).toEqual([]);
    expect(retry).toMatchObject({ type: "retry", attempt: 2, maxAttempts: 3, delayMs: 0, reason: { status } });
    // The retry chunk comes first: nothing of the failed attempt reached the stream.
    expect(chunks[0]).toBe(retry);
  });

  it("gives up after maxRetries and says how many attempts were made", async () => {
    ctx.server.enqueue(
      { kind: "error", status: 503 },
      { kind: "error", status: 503 },
      { kind: "error", status: 503, message: "still down" },
      answer,
    );
    const { chunks, error } = await collectUntilError(request());
    expect(ProviderHttpError.isInstance(error)).toBe(true);
    const failure = error as ProviderHttpError;
    expect(failure).toMatchObject({ status: 503, attempts: 3 });
    expect(failure.message).toMatch(/still down \(3 attempts\)$/);
    expect(failure.toJSON()).toMatchObject({ attempts: 3 });
    expect(retries(chunks).map((r) => r.attempt)).toEqual([2, 3]);
    expect(ctx.server.requests).toHaveLength(3);
    expect(ctx.server.queued).toBe(1);
  });

  it.each([400, 401, 402, 404] as const)("never re-sends after %i", async (status) => {
    ctx.server.enqueue({ kind: "error", status }, answer);
    const { chunks, error } = await collectUntilError(request());
    expect(error).toMatchObject({ status, attempts: 1 });
    expect((error as Error).message).not.toMatch(/attempts/);
    expect(retries(chunks)).toEqual([]);
    expect(ctx.server.requests).toHaveLength(1);
  });

  it("honours x-should-retry: false", async () => {
    ctx.server.enqueue({ kind: "error", status: 503, headers: { "x-should-retry": "false" } }, answer);
    const { error } = await collectUntilError(request());
    expect(error).toMatchObject({ status: 503, attempts: 1 });
    expect(ctx.server.requests).toHaveLength(1);
  });

  it("re-sends after a connection reset before the response headers", async () => {
    ctx.server.enqueue({ kind: "reset" }, answer);
    const chunks = await collect(request());
    expect(text(chunks)).toBe("answered");
    expect(retries(chunks)[0]?.reason.code).toBe("connection_error");
    expect(ctx.server.requests).toHaveLength(2);
  });

  it("re-sends when the connection is refused, then fails with connection_error after 3 attempts", async () => {
    const port = await deadPort();
    const { chunks, error } = await collectUntilError(request(handler(FAST, `http://127.0.0.1:${port}/v1`)));
    expect(ProviderConnectionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "connection_error", attempts: 3 });
    expect((error as Error).message).toMatch(/\(3 attempts\)$/);
    expect(retries(chunks).map((r) => [r.attempt, r.reason.code])).toEqual([
      [2, "connection_error"],
      [3, "connection_error"],
    ]);
  });
});

describe("never a retry once the stream has started", () => {
  it("a connection cut mid-stream fails without re-sending", async () => {
    ctx.server.enqueue(
      {
        kind: "stream",
        done: false,
        events: [{ data: chunk({ content: "partial" }) }, { delayMs: 30 }, { cut: true }],
      },
      answer,
    );
    const { chunks, error } = await collectUntilError(request());
    expect(error).toMatchObject({ code: "connection_lost" });
    expect((error as ProviderError).attempts).toBeUndefined();
    expect(text(chunks)).toBe("partial");
    expect(retries(chunks)).toEqual([]);
    expect(ctx.server.requests).toHaveLength(1);
    expect(ctx.server.queued).toBe(1);
  });

  it("an error inside a 200 stream, even a 503, is final", async () => {
    ctx.server.enqueue(
      { kind: "stream", events: [{ data: errorChunk({ code: 503, message: "upstream overloaded" }) }] },
      answer,
    );
    const { chunks, error } = await collectUntilError(request());
    expect(ProviderStreamError.isInstance(error)).toBe(true);
    expect(retries(chunks)).toEqual([]);
    expect(ctx.server.requests).toHaveLength(1);
  });
});

describe("waits", () => {
  it("honours retry-after-ms", async () => {
    ctx.server.enqueue({ kind: "error", status: 503, headers: { "retry-after-ms": "300" } }, answer);
    const chunks = await collect(request());
    expect(retries(chunks)[0]?.delayMs).toBe(300);
    const [first, second] = ctx.server.requests;
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(290);
  });

  it("honours a 429's retry-after in seconds", async () => {
    ctx.server.enqueue({ kind: "error", status: 429, retryAfterSeconds: 0.4 }, answer);
    const chunks = await collect(request());
    expect(retries(chunks)[0]).toMatchObject({ delayMs: 400, reason: { code: "rate_limited", status: 429 } });
    const [first, second] = ctx.server.requests;
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(390);
  });

  it("does not wait for a hint longer than maxDelayMs: the error is final, with the hint", async () => {
    ctx.server.enqueue({ kind: "error", status: 429, retryAfterSeconds: 120 }, answer);
    const { chunks, error } = await collectUntilError(request(handler({ maxDelayMs: 60_000 })));
    expect(ProviderRateLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ retryAfterMs: 120_000, attempts: 1 });
    expect(retries(chunks)).toEqual([]);
    expect(ctx.server.requests).toHaveLength(1);
  });

  it("stops before the total wait would pass maxTotalWaitMs", async () => {
    const slow = { kind: "error", status: 503, headers: { "retry-after-ms": "60" } } as const;
    ctx.server.enqueue(slow, slow, slow);
    const { chunks, error } = await collectUntilError(request(handler({ maxTotalWaitMs: 100 })));
    expect(error).toMatchObject({ status: 503, attempts: 2 });
    expect(retries(chunks)).toHaveLength(1);
    expect(ctx.server.requests).toHaveLength(2);
  });

  it("an abort during the wait settles at once, without another request", async () => {
    ctx.server.enqueue({ kind: "error", status: 503, headers: { "retry-after-ms": "20000" } }, answer);
    const controller = new AbortController();
    const chunks: ApiStreamChunk[] = [];
    let abortedAt = 0;
    let error: unknown;
    try {
      for await (const part of request(handler(), { signal: controller.signal })) {
        chunks.push(part);
        if (part.type === "retry") {
          // The wait starts when the consumer asks for the next chunk; abort a little into it.
          setTimeout(() => {
            abortedAt = performance.now();
            controller.abort();
          }, 50);
        }
      }
    } catch (caught) {
      error = caught;
    }
    const settledMs = performance.now() - abortedAt;
    expect(ProviderAbortError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ attempts: 1 });
    expect(retries(chunks)[0]?.delayMs).toBe(20_000);
    expect(settledMs).toBeLessThan(1000);
    expect(ctx.server.requests).toHaveLength(1);
  });
});

describe("configuration", () => {
  it("maxRetries: 0 on the handler turns retries off", async () => {
    ctx.server.enqueue({ kind: "error", status: 503 }, answer);
    const { error } = await collectUntilError(request(handler({ maxRetries: 0 })));
    expect(error).toMatchObject({ status: 503, attempts: 1 });
    expect(ctx.server.requests).toHaveLength(1);
  });

  it("a request's own retry options override the handler's, field by field", async () => {
    ctx.server.enqueue({ kind: "error", status: 502 }, answer);
    const off = await collectUntilError(request(handler(FAST), { retry: { maxRetries: 0 } }));
    expect(off.error).toMatchObject({ status: 502, attempts: 1 });
    expect(ctx.server.queued).toBe(1);
    ctx.server.reset();
    // maxRetries 1 from the request, initialDelayMs 5 still from the handler.
    ctx.server.enqueue({ kind: "error", status: 502 }, answer);
    const on = await collect(request(handler({ ...FAST, maxRetries: 0 }), { retry: { maxRetries: 1 } }));
    expect(text(on)).toBe("answered");
    expect(retries(on)).toMatchObject([{ attempt: 2, maxAttempts: 2 }]);
    expect(retries(on)[0]?.delayMs).toBeLessThan(5);
  });
});
