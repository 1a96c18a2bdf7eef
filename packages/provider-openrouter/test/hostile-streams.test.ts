import { inspect } from "node:util";
import type { ApiHandler } from "@parallel-tool-calls/core-metadata";
import { ProviderError, ProviderIdleTimeoutError, ProviderResponseError } from "@parallel-tool-calls/provider-helpers";
import { chunk, type ScriptedResponse } from "@parallel-tool-calls/testing";
import { describe, expect, it } from "vitest";
import { KilocodeOpenrouterHandler, OpenRouterHandler } from "../src/index.js";
import { collectUntilError, hello, useServer, waitFor } from "./helpers.js";

// A Kilocode-style token (a JWT) and a custom header value echoed back by a careless server.
const TOKEN = ["eyJhbGciOiJIUzI1NiJ9", "eyJrZXkiOiJzZWNyZXQifQ", "c2VjcmV0LXNpZ25hdHVyZQ"].join(".");
const HEADER_SECRET = "team-header-value-31337";
const ctx = useServer();

const transport = { idleTimeoutMs: 150, maxEventChars: 5_000, headers: { "x-team-key": HEADER_SECRET } };
const handlers: Array<[string, (baseUrl: string) => ApiHandler]> = [
  ["OpenRouter", (url) => new OpenRouterHandler({ openRouterBaseUrl: url, openRouterApiKey: TOKEN }, transport)],
  ["KiloCode", (url) => new KilocodeOpenrouterHandler({ kilocodeBaseUrl: url, kilocodeToken: TOKEN }, transport)],
];

describe.each(handlers)("%s stream bounds and secrets", (provider, make) => {
  async function failWith(response: ScriptedResponse) {
    ctx.server.enqueue(response);
    const { error } = await collectUntilError(make(ctx.server.baseUrl).createMessage("s", hello, { taskId: "t" }));
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).provider).toBe(provider);
    const views = [JSON.stringify(error), inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true })];
    for (const view of views) for (const secret of [TOKEN, HEADER_SECRET]) expect(view).not.toContain(secret);
    await waitFor(() => ctx.server.activeResponses === 0, 2000);
    return error as ProviderError;
  }

  it("idleTimeoutMs reaches the stream: a stall is cut off", async () => {
    const error = await failWith({ kind: "stream", events: [{ comment: "OPENROUTER PROCESSING" }, { stall: true }] });
    expect(error).toBeInstanceOf(ProviderIdleTimeoutError);
    expect(error).toMatchObject({ code: "idle_timeout", idleTimeoutMs: 150 });
  });

  it("maxEventChars reaches the stream", async () => {
    const error = await failWith({ kind: "stream", events: [{ data: chunk({ content: "z".repeat(10_000) }) }] });
    expect(error).toBeInstanceOf(ProviderResponseError);
    expect(error.code).toBe("event_too_large");
  });

  it("the token and the configured header values echoed in an error are redacted", async () => {
    const error = await failWith({ kind: "error", status: 401, message: "denied", echoRequest: true });
    // The message is one short line; the scrubbed cause keeps the whole echoed text.
    const echoed = String(error.cause);
    expect(echoed).toContain('"x-team-key":"[redacted]"');
    expect(echoed).toContain('"authorization":"Bearer [redacted]"');
  });
});
