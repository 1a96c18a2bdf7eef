import {
  chunk,
  type ScriptedResponse,
  startTestServer,
  type TestServer,
  toolCallChunks,
} from "@parallel-tool-calls/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../src/main.js";

// Not shaped like a known key, so only the declared-secret path can hide it.
const KEY = "plain-api-key-value-2718281828";
const URL_SECRET = "url-secret-1414213562";
const IDLE_MS = 200;

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const started = Date.now();
  const code = await runCli(argv, { OPENAI_API_KEY: KEY }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err, all: [...out, ...err].join("\n"), elapsedMs: Date.now() - started };
}

const compatible = (baseUrl: string, ...extra: string[]) => [
  "--provider",
  "openai-compatible",
  "--model",
  "m",
  "--base-url",
  baseUrl,
  "--idle-timeout-ms",
  String(IDLE_MS),
  ...extra,
];

const read = (id: string, path: string) => ({ id, name: "read_file", arguments: JSON.stringify({ path }) });

const hostile: Array<[string, () => ScriptedResponse, RegExp]> = [
  [
    "a stall after one complete call",
    () => ({
      kind: "stream",
      // call_b's first fragment completes call_a; call_b never finishes.
      events: [...toolCallChunks([read("call_a", "README.md"), read("call_b", "src/loans.ts")]), { stall: true }],
    }),
    /\(idle_timeout\): .*stalled/,
  ],
  [
    "a drip",
    () => ({
      kind: "stream",
      events: [{ drip: `data: ${JSON.stringify(chunk({ content: "hi" }))}\n\n`, everyMs: 25 }],
    }),
    /\(idle_timeout\)/,
  ],
  ["an HTML 200", () => ({ kind: "text", body: "<html>log in</html>" }), /\(unexpected_content_type 200\)/],
  [
    "a JSON 200 to a stream request",
    () => ({ kind: "json", body: { object: "chat.completion", choices: [] } }),
    /\(non_stream_body 200\)/,
  ],
  [
    "a clean cut before any finish_reason",
    () => ({
      kind: "stream",
      done: false,
      events: [{ data: chunk({ content: "Reading." }) }, ...toolCallChunks([read("call_a", "README.md")])],
    }),
    /\(incomplete_stream\)/,
  ],
  [
    "an error echoing the request headers",
    () => ({ kind: "error", status: 400, message: "bad", echoRequest: true }),
    /\(bad_request 400\)/,
  ],
];

describe("the CLI against a hostile server: non-zero exit, one line, no secret", () => {
  it.each(hostile)("%s", async (_name, response, expected) => {
    for (const json of [false, true]) {
      server.enqueue(response());
      const { code, out, err, all, elapsedMs } = await run(compatible(server.baseUrl, ...(json ? ["--json"] : [])));
      expect(code).toBe(4);
      expect(all).not.toContain(KEY);
      // Bounded by the idle timeout, with room for a loaded machine.
      expect(elapsedMs).toBeLessThan(IDLE_MS + 10_000);
      if (json) {
        expect(out).toHaveLength(1);
        const report = JSON.parse(out[0] as string);
        expect(report.status).toBe("failed");
        expect(report.error).toMatch(expected);
        // Every call that completed in the stream got exactly one result.
        for (const turn of report.turns) {
          for (const call of turn.toolCalls) expect(call.status).toMatch(/^(ok|error|stream_failed|invalid)$/);
        }
      } else {
        expect(err).toHaveLength(1);
        expect(err[0]).toMatch(/^error: OpenAI-compatible error /);
        expect(err[0]).toMatch(expected);
      }
    }
  });

  it("a stall after one complete call: the call still ran and kept its one result", async () => {
    server.enqueue(hostile[0]?.[1]() as ScriptedResponse);
    const { code, out } = await run(compatible(server.baseUrl, "--json"));
    expect(code).toBe(4);
    const report = JSON.parse(out[0] as string);
    expect(
      report.turns[0].toolCalls.map((c: { toolCallId: string; status: string }) => [c.toolCallId, c.status]),
    ).toEqual([["call_a", "ok"]]);
  });
});

describe("credentials in the base URL are never printed", () => {
  it("user info: the connection fails, the URL is shown redacted (human and --json)", async () => {
    const baseUrl = `http://someone:${URL_SECRET}@127.0.0.1:${server.port}/v1`;
    for (const json of [false, true]) {
      const { code, all } = await run(compatible(baseUrl, ...(json ? ["--json"] : [])));
      expect(code).not.toBe(0);
      expect(all).not.toContain(URL_SECRET);
      expect(all).toContain("[redacted]@127.0.0.1");
    }
  });

  it("a ?key= parameter: redacted in the header line, the report and the error", async () => {
    const baseUrl = `${server.baseUrl}?key=${URL_SECRET}`;
    for (const json of [false, true]) {
      const { code, all } = await run(compatible(baseUrl, ...(json ? ["--json"] : [])));
      expect(code).not.toBe(0);
      expect(all).not.toContain(URL_SECRET);
    }
  });

  it("a malformed --base-url is echoed redacted in the usage error", async () => {
    const { code, all } = await run(compatible(`http://u:${URL_SECRET}@ bad`));
    expect(code).toBe(2);
    expect(all).not.toContain(URL_SECRET);
  });
});
