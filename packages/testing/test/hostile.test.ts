import { describe, expect, it } from "vitest";
import { chunk } from "../src/index.js";
import { useServer, waitFor } from "./helpers.js";

const ctx = useServer();

function post(headers: Record<string, string> = {}) {
  return fetch(`${ctx.server.baseUrl}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ model: "m", messages: [{ role: "user", content: "hi" }], stream: true }),
  });
}

/** Reads the body, noting when each piece arrived. */
async function timedPieces(response: Response): Promise<Array<{ text: string; at: number }>> {
  const pieces: Array<{ text: string; at: number }> = [];
  const decoder = new TextDecoder();
  const started = Date.now();
  for await (const part of response.body as unknown as AsyncIterable<Uint8Array>) {
    pieces.push({ text: decoder.decode(part, { stream: true }), at: Date.now() - started });
  }
  return pieces;
}

describe("hostile server behaviours", () => {
  it("answers 200 with an HTML page, like a captive portal", async () => {
    ctx.server.enqueue({ kind: "text", body: "<html><body>Please log in</body></html>" });
    const response = await post();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await response.text()).toContain("Please log in");
  });

  it("drips an event one character at a time", async () => {
    const frame = `data: ${JSON.stringify(chunk({ content: "hi" }))}\n\n`;
    ctx.server.enqueue({ kind: "stream", events: [{ drip: frame.slice(0, 6), everyMs: 15 }], done: false });
    const pieces = await timedPieces(await post());
    expect(pieces.map((p) => p.text).join("")).toBe(frame.slice(0, 6));
    // Six characters, 15 ms apart: the last arrives well after the first.
    expect(pieces.length).toBeGreaterThan(1);
    expect((pieces.at(-1)?.at ?? 0) - (pieces[0]?.at ?? 0)).toBeGreaterThanOrEqual(50);
  });

  it("stalls after the headers until the client goes away", async () => {
    ctx.server.enqueue({ kind: "stream", events: [{ comment: "hello" }, { stall: true }] });
    const controller = new AbortController();
    const response = await fetch(`${ctx.server.baseUrl}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "m", messages: [{ role: "user", content: "hi" }] }),
      signal: controller.signal,
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe(": hello\n\n");
    const next = reader.read();
    const outcome = await Promise.race([next.then(() => "data"), new Promise((r) => setTimeout(() => r("idle"), 150))]);
    expect(outcome).toBe("idle");
    controller.abort();
    await next.catch(() => undefined);
    await waitFor(() => ctx.server.activeResponses === 0, 1000);
  });

  it("echoes the request headers and body into an error message when asked", async () => {
    ctx.server.enqueue({ kind: "error", status: 400, message: "bad", echoRequest: true });
    const response = await post({ "api-key": "azure-secret-value" });
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/^bad \(request headers: /);
    expect(body.error.message).toContain('"api-key":"azure-secret-value"');
    expect(body.error.message).toContain('"stream":true');
  });
});
