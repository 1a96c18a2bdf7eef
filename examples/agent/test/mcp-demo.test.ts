import { mcpTestServerArgs } from "@parallel-tool-calls/mcp-test-server";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/main.js";
import { mcpServersFrom, splitCommand } from "../src/mcp-servers.js";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) } };
}

// The test server's command line, quoted as a user would type it.
const testServerCommand = [process.execPath, ...mcpTestServerArgs()].map((word) => JSON.stringify(word)).join(" ");

describe("pnpm demo --mcp", { timeout: 90_000 }, () => {
  it("names each server after what it runs", () => {
    expect(splitCommand(`node "a b/cli.js" --flag 'x y'`)).toEqual(["node", "a b/cli.js", "--flag", "x y"]);
    expect(
      mcpServersFrom([
        "npx -y @modelcontextprotocol/server-everything",
        "node /repo/tools/mcp-test-server/dist/cli.js --log f",
        "npx -y @modelcontextprotocol/server-everything@2026.8.31",
        "uvx mcp-server-git --repository .",
      ]).map((server) => server.name),
    ).toEqual(["server-everything", "mcp-test-server", "server-everything-2", "mcp-server-git"]);
  });

  it("adds the server's tools to the task; its calls show in the live timeline and the answer", async () => {
    const { out, err, io } = capture();
    const code = await runCli(["--mcp", testServerCommand], {}, io, { localPacingMs: 0 });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const text = out.join("\n");
    expect(text).toContain("MCP server mcp-test-server: mcp--mcp-test-server--echo, mcp--mcp-test-server--noop");
    expect(text).toContain('▶ mcp--mcp-test-server--echo {"text":"demo"}: started');
    expect(text).toContain('✓ mcp--mcp-test-server--echo {"text":"demo"}: ok');
    expect(text).toContain("- mcp--mcp-test-server--echo answered: echo: demo");
  });

  it("a server that fails to start is one clear error naming it, exit code 5", async () => {
    const { out, err, io } = capture();
    const code = await runCli(["--mcp", "/nonexistent/bin/server"], {}, io, { localPacingMs: 0 });
    expect(code).toBe(5);
    expect(out).toEqual([]);
    expect(err[0]).toMatch(/^error: MCP server "nonexistent" failed to start: .*ENOENT/);
  });
});
