import { inspect } from "node:util";
import type { ApiHandler } from "@parallel-tool-calls/core-metadata";
import {
  OpenAICompatibleHandler,
  ProviderAbortError,
  ProviderConnectionError,
  ProviderError,
  ProviderFinishReasonError,
  ProviderHttpError,
  ProviderRateLimitError,
  ProviderStreamError,
} from "@parallel-tool-calls/provider-helpers";
import { chunk, errorChunk, type ScriptedResponse, toolCallChunks } from "@parallel-tool-calls/testing";
import { describe, expect, it } from "vitest";
import { KilocodeOpenrouterHandler, OpenRouterHandler } from "../src/index.js";
import { collectUntilError, hello, readFileTool, useServer, waitFor } from "./helpers.js";

const SECRET = "sk-secret-value-9f8e7d6c5b";
const ctx = useServer();

// One attempt per request: these tests are about how one failure is reported, not retried.
const once = { retry: { maxRetries: 0 } };
const handlers: Array<[string, string, (baseUrl: string) => ApiHandler]> = [
  [
    "OpenRouter",
    "OpenRouter",
    (url) => new OpenRouterHandler({ openRouterBaseUrl: url, openRouterApiKey: SECRET }, once),
  ],
  [
    "KiloCode",
    "OpenRouter",
    (url) => new KilocodeOpenrouterHandler({ kilocodeBaseUrl: url, kilocodeToken: SECRET }, once),
  ],
  [
    "OpenAI-compatible",
    "OpenAI-compatible",
    (url) =>
      new OpenAICompatibleHandler(
        {
          apiProvider: "openai-compatible",
          openAiBaseUrl: url,
          openAiApiKey: SECRET,
          openAiModelId: "m",
        },
        once,
      ),
  ],
];

function expectNoSecret(error: unknown): void {
  const views = [
    String(error),
    JSON.stringify(error),
    (error as Error).stack ?? "",
    inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
  ];
  for (const view of views) expect(view).not.toContain(SECRET);
}

describe.each(handlers)("%s error paths", (provider, streamLabel, make) => {
  async function failWith(response: ScriptedResponse, signal?: AbortSignal) {
    ctx.server.enqueue(response);
    const stream = make(ctx.server.baseUrl).createMessage(
      "s",
      hello,
      { taskId: "t", tools: [readFileTool] },
      signal ? { signal } : {},
    );
    const result = await collectUntilError(stream);
    expect(result.error).toBeInstanceOf(ProviderError);
    expect((result.error as ProviderError).provider).toBe(provider);
    expectNoSecret(result.error);
    return result as { chunks: typeof result.chunks; error: ProviderError };
  }

  it.each([400, 401, 402, 500] as const)(
    "HTTP %i keeps status and message, with the key echoed and redacted",
    async (status) => {
      const { error } = await failWith({ kind: "error", status, message: `boom (key ${SECRET})` });
      expect(error).toBeInstanceOf(ProviderHttpError);
      expect(error.status).toBe(status);
      expect(error.message).toBe(`${provider} error ${status}: boom (key [redacted])`);
    },
  );

  it("HTTP 429 carries the retry hint", async () => {
    const { error } = await failWith({ kind: "error", status: 429, retryAfterSeconds: 3 });
    expect(error).toBeInstanceOf(ProviderRateLimitError);
    expect((error as ProviderRateLimitError).retryAfterMs).toBe(3000);
    expect(error.message).toContain("try again in 3s");
  });

  it("an in-stream error uses the provider's raw message", async () => {
    const raw = JSON.stringify({ error: { message: "Overloaded upstream" } });
    const { error } = await failWith({
      kind: "stream",
      events: [
        { data: errorChunk({ code: 502, message: "Provider returned error", metadata: { raw, provider_name: "Z" } }) },
      ],
    });
    expect(error).toBeInstanceOf(ProviderStreamError);
    expect(error.message).toBe(`${streamLabel} API Error 502: Overloaded upstream`);
  });

  it("an in-stream error without raw metadata uses its own message", async () => {
    const { error } = await failWith({
      kind: "stream",
      events: [{ data: errorChunk({ code: "server_error", message: "Oops" }) }],
    });
    expect(error.message).toBe(`${streamLabel} API Error server_error: Oops`);
    expect((error as ProviderStreamError).upstreamCode).toBe("server_error");
  });

  it.each(["length", "content_filter"] as const)(
    "finish_reason %s is a typed error after the received chunks",
    async (reason) => {
      const { chunks, error } = await failWith({
        kind: "stream",
        events: [
          ...toolCallChunks([{ id: "c", name: "read_file", arguments: '{"pa' }]),
          { data: chunk({ finish_reason: reason }) },
        ],
      });
      expect(error).toBeInstanceOf(ProviderFinishReasonError);
      expect((error as ProviderFinishReasonError).finishReason).toBe(reason);
      expect(chunks.map((c) => c.type)).toEqual(["tool_call_partial", "tool_call_partial"]);
    },
  );

  it("a connection cut mid-stream is connection_lost", async () => {
    const { error } = await failWith({ kind: "stream", events: [{ data: chunk({ content: "a" }) }, { cut: true }] });
    expect(error).toBeInstanceOf(ProviderConnectionError);
    expect(error.code).toBe("connection_lost");
  });

  it("aborting mid-stream closes the connection promptly", async () => {
    const events = Array.from({ length: 100 }, (_, i) => ({ data: chunk({ content: String(i) }) }));
    const controller = new AbortController();
    const pending = failWith({ kind: "stream", events, pacingMs: 30 }, controller.signal);
    await waitFor(() => ctx.server.activeResponses === 1);
    setTimeout(() => controller.abort(), 60);
    const { error } = await pending;
    expect(error).toBeInstanceOf(ProviderAbortError);
    await waitFor(() => ctx.server.activeResponses === 0, 500);
  });
});
