import {
  ProviderAbortError,
  type ProviderError,
  ProviderFinishReasonError,
  ProviderHttpError,
  ProviderIdleTimeoutError,
  ProviderRateLimitError,
  ProviderResponseError,
  ProviderStreamError,
} from "@parallel-tool-calls/provider-helpers";
import { type ErrorStatus, responsesStream } from "@parallel-tool-calls/testing";
import { describe, expect, it } from "vitest";
import { collect, collectUntilError, handlerFor, ofType, SECRET_KEY, TOOLS, useServer, waitFor } from "./helpers.js";

const ctx = useServer();
const user = [{ role: "user" as const, content: "Read a.ts" }];
const metadata = { taskId: "t", tools: TOOLS };
const call = (id: string, path: string) => ({
  type: "function_call" as const,
  callId: id,
  name: "read_file",
  arguments: JSON.stringify({ path }),
});

/** The error in every form a caller may print, none holding the key. */
function expectNoSecret(error: unknown): void {
  const forms = [
    String(error),
    (error as Error).stack ?? "",
    JSON.stringify(error),
    String((error as Error).cause ?? ""),
    ((error as Error).cause as Error | undefined)?.stack ?? "",
  ];
  for (const form of forms) expect(form).not.toContain(SECRET_KEY);
}

describe("HTTP errors", () => {
  const cases: Array<[ErrorStatus, string, (e: unknown) => boolean]> = [
    [400, "bad_request", (e) => ProviderHttpError.isInstance(e)],
    [401, "unauthorized", (e) => ProviderHttpError.isInstance(e)],
    [404, "not_found", (e) => ProviderHttpError.isInstance(e)],
    [429, "rate_limited", (e) => ProviderRateLimitError.isInstance(e)],
    [500, "server_error", (e) => ProviderHttpError.isInstance(e)],
    [503, "server_error", (e) => ProviderHttpError.isInstance(e)],
  ];
  it.each(cases)("HTTP %i is a typed error (%s) without the key", async (status, code, is) => {
    // A careless server echoes the request headers (the key among them) in its message.
    // OpenAI's body shape (no gateway metadata).
    ctx.server.enqueue({ kind: "error", status, message: "upstream said no", metadata: {}, echoRequest: true });
    const { chunks, error } = await collectUntilError(handlerFor(ctx.server).createMessage("", user, metadata));
    expect(chunks).toEqual([]);
    expect(is(error)).toBe(true);
    expect(error).toMatchObject({ code, status, provider: "OpenAI" });
    expect((error as Error).message).toContain("upstream said no");
    expectNoSecret(error);
  });

  it("a 429 carries the server's retry hint", async () => {
    ctx.server.enqueue({ kind: "error", status: 429, retryAfterSeconds: 7 });
    const { error } = await collectUntilError(handlerFor(ctx.server).createMessage("", user, metadata));
    expect((error as ProviderRateLimitError).retryAfterMs).toBe(7000);
  });

  it("the server's own 400 for a request the API rejects reaches the caller with its message", async () => {
    const { error } = await collectUntilError(
      handlerFor(ctx.server).createMessage(
        "",
        [{ role: "user", content: [{ type: "tool_result", tool_use_id: "call_x", content: "orphan" }] }],
        metadata,
      ),
    );
    expect(error).toMatchObject({ code: "bad_request", status: 400 });
    expect((error as Error).message).toContain("No tool call found for function call output with call_id call_x.");
  });
});

describe("endings inside a 200 stream", () => {
  it("response.failed is a ProviderStreamError with the upstream code, after the calls completed before it", async () => {
    ctx.server.enqueue(
      responsesStream([call("call_1", "a.ts")], {
        ending: { kind: "failed", code: "server_error", message: `boom for ${SECRET_KEY}` },
        usage: { input_tokens: 10, output_tokens: 5 },
      }),
    );
    const { chunks, error } = await collectUntilError(handlerFor(ctx.server).createMessage("", user, metadata));
    expect(ofType(chunks, "tool_call_complete")).toHaveLength(1);
    expect(ProviderStreamError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "stream_error", upstreamCode: "server_error" });
    expect((error as ProviderError).usage).toMatchObject({ inputTokens: 10, outputTokens: 5 });
    expect(ofType(chunks, "usage")).toHaveLength(1);
    expectNoSecret(error);
  });

  it("an error event is a ProviderStreamError naming its code and message", async () => {
    ctx.server.enqueue(
      responsesStream([{ type: "message", text: "partial" }], {
        ending: { kind: "error", code: "insufficient_quota", message: "You exceeded your current quota." },
      }),
    );
    const { chunks, error } = await collectUntilError(handlerFor(ctx.server).createMessage("", user, metadata));
    expect(ofType(chunks, "text").length).toBeGreaterThan(0);
    expect(error).toMatchObject({ code: "stream_error", upstreamCode: "insufficient_quota" });
    expect((error as Error).message).toContain("You exceeded your current quota.");
  });

  it.each([
    ["max_output_tokens", "max_tokens"],
    ["content_filter", "content_filter"],
  ] as const)("response.incomplete (%s) with a call open: that call never completes", async (reason, code) => {
    ctx.server.enqueue(
      responsesStream([call("call_1", "a.ts"), { ...call("call_2", "a-much-longer-path.ts"), open: true }], {
        ending: { kind: "incomplete", reason },
        usage: { input_tokens: 10, output_tokens: 50 },
      }),
    );
    const { chunks, error } = await collectUntilError(handlerFor(ctx.server).createMessage("", user, metadata));
    expect(ofType(chunks, "tool_call_complete").map((c) => c.toolCallId)).toEqual(["call_1"]);
    expect(ofType(chunks, "tool_call_partial").some((c) => c.id === "call_2")).toBe(true);
    expect(ofType(chunks, "finish_reason")).toEqual([]);
    expect(ProviderFinishReasonError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code });
    expect((error as Error).message).toContain("1 unfinished function call not run");
    expect((error as ProviderError).usage).toMatchObject({ outputTokens: 50 });
  });

  it("a body that ends without a terminal event, or with [DONE] before one, is incomplete_stream", async () => {
    const full = responsesStream([call("call_1", "a.ts")]);
    for (const done of [false, true]) {
      ctx.server.enqueue({ ...full, events: full.events.slice(0, -1), done });
      const { error } = await collectUntilError(handlerFor(ctx.server).createMessage("", user, metadata));
      expect(ProviderResponseError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: "incomplete_stream" });
    }
  });
});

describe("bounds and abort", () => {
  it("a stalled stream fails with ProviderIdleTimeoutError after idleTimeoutMs", async () => {
    const full = responsesStream([call("call_1", "a.ts")]);
    ctx.server.enqueue({ ...full, events: [...full.events.slice(0, 4), { stall: true }] });
    const { error } = await collectUntilError(
      handlerFor(ctx.server, {}, { idleTimeoutMs: 150 }).createMessage("", user, metadata),
    );
    expect(ProviderIdleTimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "idle_timeout", idleTimeoutMs: 150 });
    await waitFor(() => ctx.server.activeResponses === 0);
  });

  it("an event larger than maxEventChars fails with event_too_large", async () => {
    ctx.server.enqueue(responsesStream([call("call_1", "x".repeat(5000))], { fragmentSize: 5000 }));
    const { error } = await collectUntilError(
      handlerFor(ctx.server, {}, { maxEventChars: 2000 }).createMessage("", user, metadata),
    );
    expect(error).toMatchObject({ code: "event_too_large" });
  });

  it("aborting mid-stream closes the connection and throws ProviderAbortError", async () => {
    const full = responsesStream([call("call_1", "a.ts"), call("call_2", "b.ts")]);
    // Up to the first call's done event, then silence: the abort is the only way out.
    const firstDone = full.events.findIndex((e) => "raw" in e && e.raw.startsWith("event: response.output_item.done"));
    ctx.server.enqueue({ ...full, events: [...full.events.slice(0, firstDone + 1), { stall: true }] });
    const controller = new AbortController();
    const stream = handlerFor(ctx.server).createMessage("", user, metadata, { signal: controller.signal });
    const seen: string[] = [];
    const error = await (async () => {
      try {
        for await (const chunk of stream) {
          seen.push(chunk.type);
          if (chunk.type === "tool_call_complete") controller.abort();
        }
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(seen).toContain("tool_call_complete");
    expect(ProviderAbortError.isInstance(error)).toBe(true);
    await waitFor(() => ctx.server.activeResponses === 0);
  });

  it("a JSON body instead of a stream is non_stream_body", async () => {
    ctx.server.enqueue({ kind: "json", body: { id: "resp_1", object: "response", output: [] } });
    const { error } = await collectUntilError(handlerFor(ctx.server).createMessage("", user, metadata));
    expect(error).toMatchObject({ code: "non_stream_body" });
  });

  it("a text answer is still read when the stream is healthy (sanity for the cases above)", async () => {
    ctx.server.enqueue(responsesStream([{ type: "message", text: "fine" }]));
    expect(ofType(await collect(handlerFor(ctx.server).createMessage("", user, metadata)), "text").length).toBe(1);
  });
});

describe("retries before the stream", () => {
  it("a 503 before the stream started is re-sent once, with a retry chunk, then the stream is read", async () => {
    ctx.server.enqueue({ kind: "error", status: 503, metadata: {}, headers: { "retry-after-ms": "10" } });
    ctx.server.enqueue(responsesStream([call("call_1", "a.ts")]));
    const chunks = await collect(
      handlerFor(ctx.server, {}, { retry: { maxRetries: 1 } }).createMessage("", user, metadata),
    );
    expect(ofType(chunks, "retry")).toHaveLength(1);
    expect(ofType(chunks, "tool_call_complete")).toHaveLength(1);
    expect(ctx.server.requests).toHaveLength(2);
  });
});
