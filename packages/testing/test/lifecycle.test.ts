import { type APIError, InternalServerError } from "openai";
import { describe, expect, it } from "vitest";
import { chunk, type RecordedRequest, startTestServer } from "../src/index.js";
import { collect, sdkClient, userOnly, useServer, waitFor } from "./helpers.js";

const ctx = useServer();
const longStream = (n: number) => Array.from({ length: n }, (_, i) => ({ data: chunk({ content: `${i}` }) }));

describe("server lifecycle", () => {
  it("listens on 127.0.0.1 with an ephemeral port", () => {
    const { server } = ctx;
    expect(server.port).toBeGreaterThan(0);
    expect(server.baseUrl).toBe(`http://127.0.0.1:${server.port}/v1`);
  });

  it("answers 500 with a clear message when no scripted response is left", async () => {
    const { server } = ctx;
    const error = await sdkClient(server)
      .chat.completions.create({ model: "test/model", messages: userOnly })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toMatch(/no scripted response left/);
    expect(server.requests).toHaveLength(1);
  });

  it("serves the queue first, then the handler with the recorded request", async () => {
    const { server } = ctx;
    const seen: RecordedRequest[] = [];
    server.setHandler(async (req) => {
      seen.push(req);
      return { kind: "stream", events: [{ data: chunk({ content: `echo:${req.body.messages.length}` }) }] };
    });
    server.enqueue({ kind: "stream", events: [{ data: chunk({ content: "queued" }) }] });
    const client = sdkClient(server);
    const ask = async () => {
      const stream = await client.chat.completions.create({ model: "test/model", messages: userOnly, stream: true });
      return (await collect(stream)).map((c) => c.choices[0]?.delta.content).join("");
    };
    expect(await ask()).toBe("queued");
    expect(await ask()).toBe("echo:1");
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBe(server.requests[1]);
  });

  it("turns a throwing handler into a 500 that names the failure", async () => {
    const { server } = ctx;
    server.setHandler(() => {
      throw new Error("script bug");
    });
    const error = await sdkClient(server)
      .chat.completions.create({ model: "test/model", messages: userOnly })
      .catch((e: unknown) => e);
    expect((error as APIError).status).toBe(500);
    expect((error as Error).message).toContain("handler threw: script bug");
  });

  it("reset clears queue, handler and recorded requests", async () => {
    const { server } = ctx;
    server.enqueue({ kind: "error", status: 401 });
    server.setHandler(() => ({ kind: "error", status: 402 }));
    await fetch(`${server.baseUrl}/models`);
    server.reset();
    expect(server.requests).toEqual([]);
    expect(server.queued).toBe(0);
    const response = await fetch(`${server.baseUrl}/chat/completions`, {
      method: "POST",
      body: JSON.stringify({ model: "m", messages: userOnly }),
    });
    expect(response.status).toBe(500);
  });

  it("lists models and answers unknown routes with a 404 JSON error", async () => {
    const { server } = ctx;
    const models = await sdkClient(server).models.list();
    expect(models.data.map((m) => m.id)).toContain("test/model");
    const response = await fetch(`${server.baseUrl}/embeddings?x=1`, { method: "POST", body: "{}" });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 404 } });
    expect(server.requests.map((r) => [r.method, r.path, r.url])).toEqual([
      ["GET", "/v1/models", "/v1/models"],
      ["POST", "/v1/embeddings", "/v1/embeddings?x=1"],
    ]);
  });

  it("records lower-cased headers and the JSON body before answering", async () => {
    const { server } = ctx;
    let recordedBeforeAnswer = false;
    server.setHandler(() => {
      recordedBeforeAnswer = server.requests.length === 1;
      return { kind: "json", body: { ok: 1 } };
    });
    await fetch(`${server.baseUrl}/chat/completions`, {
      method: "POST",
      headers: { "X-Title": "Demo", "HTTP-Referer": "https://example.test" },
      body: JSON.stringify({ model: "m", messages: userOnly }),
    });
    expect(recordedBeforeAnswer).toBe(true);
    const [req] = server.requests;
    expect(req?.headers["x-title"]).toBe("Demo");
    expect(req?.headers["http-referer"]).toBe("https://example.test");
    expect(req?.body).toEqual({ model: "m", messages: userOnly });
    expect(req?.receivedAt).toBeGreaterThan(0);
  });

  it("stops writing when the client aborts mid-stream and keeps serving", async () => {
    const { server } = ctx;
    server.enqueue({ kind: "stream", pacingMs: 10, events: longStream(500) });
    const controller = new AbortController();
    const stream = await sdkClient(server).chat.completions.create(
      { model: "test/model", messages: userOnly, stream: true },
      { signal: controller.signal },
    );
    let received = 0;
    const consumed = (async () => {
      for await (const _ of stream) {
        received += 1;
        if (received === 3) controller.abort();
      }
    })();
    await consumed.catch(() => undefined);
    expect(received).toBe(3);
    await waitFor(() => server.activeResponses === 0);

    server.enqueue({ kind: "stream", events: [{ data: chunk({ content: "next" }) }] });
    const again = await sdkClient(server).chat.completions.create({
      model: "test/model",
      messages: userOnly,
      stream: true,
    });
    expect((await collect(again)).map((c) => c.choices[0]?.delta.content)).toEqual(["next"]);
  });

  it("close() ends streams in flight (the client sees an error) instead of waiting for them", async () => {
    const server = await startTestServer();
    server.enqueue({
      kind: "stream",
      events: [{ data: chunk({ content: "a" }) }, { delayMs: 60_000 }, ...longStream(2)],
    });
    const stream = await sdkClient(server).chat.completions.create({
      model: "test/model",
      messages: userOnly,
      stream: true,
    });
    const consumed = collect(stream);
    await waitFor(() => server.activeResponses === 1);
    await server.close();
    await expect(consumed).rejects.toThrow();
    expect(server.activeResponses).toBe(0);
    await server.close(); // idempotent
  });
});
