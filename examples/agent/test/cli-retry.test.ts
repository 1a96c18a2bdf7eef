import { chunk, type ScriptedResponse, startTestServer, type TestServer } from "@parallel-tool-calls/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../src/main.js";

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

async function run(...extra: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const argv = ["--provider", "openai-compatible", "--model", "m", "--base-url", server.baseUrl, ...extra];
  const code = await runCli(argv, {}, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const overloaded: ScriptedResponse = { kind: "error", status: 529, headers: { "retry-after-ms": "10" } };
const answer: ScriptedResponse = {
  kind: "stream",
  events: [{ data: chunk({ content: "Nothing to read." }) }, { data: chunk({ finish_reason: "stop" }) }],
};

describe("the CLI shows retries as they happen", () => {
  it("prints the retry line, then the answer of the second attempt", async () => {
    server.enqueue(overloaded, answer);
    const { code, out } = await run();
    expect(code).toBe(0);
    expect(out.join("\n")).toMatch(/↻ retrying in 0 s, attempt 2 of 3 \(OpenAI-compatible error 529: Overloaded\)/);
    expect(server.requests).toHaveLength(2);
  });

  it("--json keeps the retry in the timeline", async () => {
    server.enqueue(overloaded, answer);
    const { code, out } = await run("--json");
    expect(code).toBe(0);
    const report = JSON.parse(out[0] as string);
    expect(report.timeline.filter((e: { type: string }) => e.type === "retry")).toEqual([
      expect.objectContaining({ turn: 1, attempt: 2, maxAttempts: 3, delayMs: 10 }),
    ]);
  });
});
