import { startTestServer } from "@parallel-tool-calls/testing";
import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../src/cli-args.js";
import { runCli } from "../src/main.js";

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, env, { out: (l) => out.push(l), err: (l) => err.push(l) }, { localPacingMs: 0 });
  return { code, out, err, all: [...out, ...err].join("\n") };
}

describe("CLI arguments", () => {
  it("parses the options and defaults to the embedded local model", () => {
    expect(parseCliArgs([])).toMatchObject({ provider: "local", json: false, maxTurns: 10, waitForStream: false });
    expect(
      parseCliArgs(["--", "--provider", "openai-compatible", "--model", "m", "--base-url", "http://h/v1", "--json"]),
    ).toMatchObject({ provider: "openai-compatible", model: "m", baseUrl: "http://h/v1", json: true });
  });

  it.each([
    [["--provider", "anthropic"], /unknown --provider "anthropic"/],
    [["--max-turns", "0"], /--max-turns must be a positive integer/],
    [["--nope"], /Unknown option '--nope'/],
    [["--provider", "openai-compatible"], /needs --base-url and --model/],
    [["--base-url", "ftp://x"], /must be an http\(s\) URL/],
  ])("refuses %j with one clear line and exit code 2", async (argv, message) => {
    const { code, err } = await run(argv);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/^error: /);
    expect(err[0]).toMatch(message);
  });
});

describe("CLI errors", () => {
  it.each([
    ["openrouter", "OPENROUTER_API_KEY"],
    ["kilocode", "KILOCODE_TOKEN"],
  ])("names the missing key for --provider %s", async (provider, variable) => {
    const { code, err } = await run(["--provider", provider]);
    expect(code).toBe(2);
    expect(err).toEqual([`error: ${variable} is not set; export it to use --provider ${provider}`]);
  });

  it("reports an unreachable server in one line", async () => {
    // A port that was just free: nothing listens there any more.
    const server = await startTestServer();
    const baseUrl = server.baseUrl;
    await server.close();
    const { code, err } = await run(["--provider", "openai-compatible", "--base-url", baseUrl, "--model", "m"]);
    expect(code).toBe(3);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(new RegExp(`^error: cannot reach ${baseUrl.replace(/[.]/g, "\\.")}`));
  });

  it("reports a provider error in one line and never prints the key", async () => {
    const key = "sk-or-v1-verysecretvalue1234567890";
    const server = await startTestServer();
    try {
      server.enqueue({ kind: "error", status: 401, message: `Invalid key ${key}` });
      const { code, err, all } = await run(["--provider", "openrouter", "--base-url", server.baseUrl], {
        OPENROUTER_API_KEY: key,
      });
      expect(code).toBe(4);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(/^error: OpenRouter error \(unauthorized 401\)/);
      expect(all).not.toContain(key);
      expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${key}`);
    } finally {
      await server.close();
    }
  });

  it("reports a provider error in --json mode as one JSON line", async () => {
    const key = "kilo-token-abcdefghijkl";
    const server = await startTestServer();
    try {
      server.enqueue({ kind: "error", status: 402, message: "Insufficient credits" });
      const { code, out } = await run(["--provider", "kilocode", "--base-url", server.baseUrl, "--json"], {
        KILOCODE_TOKEN: key,
      });
      expect(code).toBe(4);
      expect(out).toHaveLength(1);
      const report = JSON.parse(out[0] as string);
      expect(report.status).toBe("failed");
      expect(report.error).toMatch(/402/);
      expect(out[0]).not.toContain(key);
    } finally {
      await server.close();
    }
  });

  it("reports Ctrl-C (an abort mid-run) as interrupted, exit code 130", async () => {
    const controller = new AbortController();
    const err: string[] = [];
    const out: string[] = [];
    const running = runCli(
      [],
      {},
      {
        out: (l) => {
          out.push(l);
          if (l.includes("▶ read_file")) controller.abort(new Error("Ctrl-C"));
        },
        err: (l) => err.push(l),
      },
      { signal: controller.signal, localPacingMs: 10 },
    );
    expect(await running).toBe(130);
    expect(err).toContain("error: interrupted");
    expect(out.join("\n")).toContain("aborted ·");
  });
});
