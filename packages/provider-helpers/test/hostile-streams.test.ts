import { inspect } from "node:util";
import { chunk, type ScriptedResponse, toolCallChunks } from "@parallel-tool-calls/testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  OpenAICompatibleHandler,
  type OpenAICompatibleHandlerOptions,
  ProviderConnectionError,
  ProviderError,
  ProviderHttpError,
  ProviderIdleTimeoutError,
  ProviderResponseError,
} from "../src/index.js";
import { collect, collectUntilError, hello, readFileTool, useServer, waitFor } from "./helpers.js";

const API_KEY = "sk-compat-secret-0123456789";
// Not shaped like any known key: only the handler's list of declared secrets can hide it.
const HEADER_SECRET = "azure-header-value-4242";
const SECRETS = [API_KEY, HEADER_SECRET];
const IDLE_MS = 200;
const ctx = useServer();

function handler(options: OpenAICompatibleHandlerOptions = {}, baseUrl = ctx.server.baseUrl) {
  return new OpenAICompatibleHandler(
    {
      apiProvider: "openai-compatible",
      openAiBaseUrl: baseUrl,
      openAiApiKey: API_KEY,
      openAiModelId: "m",
      openAiHeaders: { "api-key": HEADER_SECRET },
    },
    // One attempt per request: an error page is reported, not retried (retries: retries.test.ts).
    { idleTimeoutMs: IDLE_MS, retry: { maxRetries: 0 }, ...options },
  );
}

// Everything written to the console or the process streams while a case runs.
let output: string[] = [];
beforeEach(() => {
  output = [];
  const capture = (...args: unknown[]) => {
    output.push(args.map((a) => (typeof a === "string" ? a : inspect(a))).join(" "));
  };
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation(capture);
  }
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, "write").mockImplementation((text: string | Uint8Array, ...rest: unknown[]) => {
      output.push(String(text));
      return (write as (...a: unknown[]) => boolean)(text, ...rest);
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});

function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e !== undefined && e !== null && chain.length < 10; e = (e as { cause?: unknown }).cause) {
    chain.push(e);
  }
  return chain;
}

/** No secret in the message, any cause, any stack, the JSON form, inspect(), or captured output. */
function expectNoSecret(error: unknown): void {
  const views = [
    JSON.stringify(error),
    inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    ...output,
    ...causeChain(error).flatMap((e) => [String(e), (e as Error).stack ?? ""]),
  ];
  for (const view of views) for (const secret of SECRETS) expect(view).not.toContain(secret);
}

async function failWith(response: ScriptedResponse, options?: OpenAICompatibleHandlerOptions) {
  ctx.server.enqueue(response);
  const started = Date.now();
  const result = await collectUntilError(
    handler(options).createMessage("s", hello, { taskId: "t", tools: [readFileTool] }),
  );
  const error = result.error as ProviderError;
  expect(error).toBeInstanceOf(ProviderError);
  expect(error.message).not.toContain("\n");
  expectNoSecret(error);
  // Bounded by the configured idle timeout (with room for a loaded machine), never by the server.
  const elapsedMs = Date.now() - started;
  expect(elapsedMs).toBeLessThan(IDLE_MS + 5000);
  // The server sees the connection closed: nothing is left hanging.
  await waitFor(() => ctx.server.activeResponses === 0, 2000);
  return { chunks: result.chunks, error, elapsedMs };
}

describe("a stalled stream is cut off by the idle timeout", () => {
  it("headers, one chunk, then silence: ProviderIdleTimeoutError after idleTimeoutMs", async () => {
    const { chunks, error, elapsedMs } = await failWith({
      kind: "stream",
      events: [{ data: chunk({ content: "partial" }) }, { stall: true }],
    });
    expect(chunks).toEqual([{ type: "text", text: "partial" }]);
    expect(error).toBeInstanceOf(ProviderIdleTimeoutError);
    expect(error).toBeInstanceOf(ProviderConnectionError);
    expect(error).toMatchObject({ code: "idle_timeout", idleTimeoutMs: IDLE_MS });
    expect(error.message).toBe(`OpenAI-compatible stream stalled: no complete line for ${IDLE_MS} ms (idleTimeoutMs)`);
    // Bounded by the configured timeout (with room for a loaded machine), not by the server.
    expect(elapsedMs).toBeGreaterThanOrEqual(IDLE_MS - 20);
  });

  it("a server dripping one byte at a time never completes a line in time", async () => {
    const frame = `data: ${JSON.stringify(chunk({ content: "slow" }))}\n\n`;
    const { chunks, error } = await failWith({
      kind: "stream",
      events: [{ drip: frame, everyMs: 20 }],
    });
    expect(chunks).toEqual([]);
    expect(error.code).toBe("idle_timeout");
  });

  it("keep-alive comments count as life: a slow but live stream completes", async () => {
    ctx.server.enqueue({
      kind: "stream",
      events: [
        { comment: "PROCESSING" },
        { delayMs: IDLE_MS / 2 },
        { comment: "PROCESSING" },
        { delayMs: IDLE_MS / 2 },
        { data: chunk({ content: "done" }) },
        { data: chunk({ finish_reason: "stop" }) },
      ],
    });
    const chunks = await collect(handler().createMessage("s", hello, { taskId: "t" }));
    expect(chunks).toContainEqual({ type: "text", text: "done" });
  });
});

describe("a broken response is never a completed stream", () => {
  it("200 with an HTML page (captive portal): unexpected_content_type", async () => {
    const { chunks, error } = await failWith({
      kind: "text",
      body: `<html><body>Sign in to the hotel Wi-Fi ${HEADER_SECRET}</body></html>`,
    });
    expect(chunks).toEqual([]);
    expect(error).toBeInstanceOf(ProviderResponseError);
    expect(error).toMatchObject({ code: "unexpected_content_type", status: 200 });
    expect(error.message).toBe(
      "OpenAI-compatible answered with content type text/html instead of an event stream (a proxy, a login page or a wrong base URL?)",
    );
  });

  it("a plain JSON completion to a stream request: non_stream_body", async () => {
    const completion = {
      id: "chatcmpl-1",
      object: "chat.completion",
      choices: [{ index: 0, message: { role: "assistant", content: "hello" }, finish_reason: "stop" }],
    };
    const { chunks, error } = await failWith({ kind: "json", body: completion });
    expect(chunks).toEqual([]);
    expect(error).toBeInstanceOf(ProviderResponseError);
    expect(error.code).toBe("non_stream_body");
    expect(error.message).toMatch(/ignored stream: true/);
  });

  it("a stream cut cleanly before any finish_reason or [DONE]: incomplete_stream, calls not completed", async () => {
    const { chunks, error } = await failWith({
      kind: "stream",
      done: false,
      events: [
        { data: chunk({ content: "Reading." }) },
        ...toolCallChunks([{ id: "c1", name: "read_file", arguments: '{"path":"a.ts"}' }]),
      ],
    });
    expect(chunks[0]).toEqual({ type: "text", text: "Reading." });
    expect(chunks.some((c) => c.type === "finish_reason")).toBe(false);
    expect(error).toBeInstanceOf(ProviderResponseError);
    expect(error.code).toBe("incomplete_stream");
  });

  it("an empty 200 stream is incomplete too", async () => {
    const { error } = await failWith({ kind: "stream", done: false, events: [] });
    expect(error.code).toBe("incomplete_stream");
  });

  it("a stream with a finish_reason but no [DONE] is complete (servers that omit it)", async () => {
    ctx.server.enqueue({
      kind: "stream",
      done: false,
      events: [{ data: chunk({ content: "ok" }) }, { data: chunk({ finish_reason: "stop" }) }],
    });
    const chunks = await collect(handler().createMessage("s", hello, { taskId: "t" }));
    expect(chunks).toEqual([
      { type: "text", text: "ok" },
      { type: "finish_reason", reason: "stop" },
    ]);
  });

  it("a malformed event is an invalid_response and nothing is printed to the console", async () => {
    const { error } = await failWith({ kind: "stream", events: [{ raw: `data: {"oops": "${HEADER_SECRET}"\n\n` }] });
    expect(error).toBeInstanceOf(ProviderResponseError);
    expect(error.code).toBe("invalid_response");
    expect(output.join("")).not.toMatch(/Could not parse/);
  });
});

describe("error pages", () => {
  it("a 502 HTML page becomes a one-line, bounded message", async () => {
    const page = `<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n${"<p>filler</p>\n".repeat(200)}</body></html>`;
    const { error } = await failWith({ kind: "text", status: 502, body: page });
    expect(error).toBeInstanceOf(ProviderHttpError);
    expect(error).toMatchObject({ status: 502, code: "server_error" });
    expect(error.message).toMatch(/^OpenAI-compatible error 502: <html> <head><title>502 Bad Gateway<\/title>/);
    expect(error.message.length).toBeLessThan(400);
  });
});

describe("huge events", () => {
  it("an event above maxEventChars fails with event_too_large", async () => {
    const { error } = await failWith(
      { kind: "stream", events: [{ data: chunk({ content: "x".repeat(50_000) }) }] },
      { maxEventChars: 10_000 },
    );
    expect(error).toBeInstanceOf(ProviderResponseError);
    expect(error.code).toBe("event_too_large");
    expect(error.message).toBe("OpenAI-compatible sent a stream event larger than 10000 characters (maxEventChars)");
  });

  it("a 5 MB event under the default limit arrives whole", async () => {
    const content = "y".repeat(5_000_000);
    ctx.server.enqueue({
      kind: "stream",
      events: [{ data: chunk({ content }) }, { data: chunk({ finish_reason: "stop" }) }],
    });
    // Writing and decoding 5 MB can pause longer than the short idle bound of the other cases on a
    // loaded machine; this case is about the size limit only.
    const chunks = await collect(handler({ idleTimeoutMs: 30_000 }).createMessage("s", hello, { taskId: "t" }));
    expect(chunks[0]).toEqual({ type: "text", text: content });
  });
});

describe("secrets other than the key", () => {
  it("configured header values and the key echoed in an error body are redacted everywhere", async () => {
    const { error } = await failWith({ kind: "error", status: 400, message: "bad request", echoRequest: true });
    expect(error).toBeInstanceOf(ProviderHttpError);
    expect(error.message).toMatch(/^OpenAI-compatible error 400: bad request \(request headers: /);
    // The message is cut to one short line; the (scrubbed) cause keeps the whole echoed text.
    expect(String(error.cause)).toContain('"api-key":"[redacted]"');
  });

  it("upstreamCode and upstreamProvider taken from the body are redacted", async () => {
    const { error } = await failWith({
      kind: "error",
      status: 400,
      code: `invalid key ${HEADER_SECRET}`,
      metadata: { provider_name: `Azure ${API_KEY}` },
    });
    expect(error).toMatchObject({ upstreamCode: "invalid key [redacted]", upstreamProvider: "Azure [redacted]" });
  });

  it("credentials in the base URL never appear in a connection error", async () => {
    const urlSecret = "url-password-8675309";
    const port = ctx.server.port;
    const started = Date.now();
    const { error } = await collectUntilError(
      handler({}, `http://someone:${urlSecret}@127.0.0.1:${port}/v1`).createMessage("s", hello, { taskId: "t" }),
    );
    expect(error).toBeInstanceOf(ProviderError);
    expect(Date.now() - started).toBeLessThan(10_000);
    const views = [
      JSON.stringify(error),
      inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
      ...output,
      ...causeChain(error).flatMap((e) => [String(e), (e as Error).stack ?? ""]),
    ];
    for (const view of views) expect(view).not.toContain(urlSecret);
  });
});
