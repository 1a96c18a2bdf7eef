import { readCallLog } from "@parallel-tool-calls/mcp-test-server";
import { ToolRegistry, type ToolResult } from "@parallel-tool-calls/sequential-executor";
import { waitFor } from "@parallel-tool-calls/testing/vitest";
import { describe, expect, it } from "vitest";
import { connectMcpServers, type McpLimits, McpToolsError } from "../src/index.js";
import { type Call, runCalls, testServerConfig, useLogDir, useToolSets } from "./helpers.js";

const track = useToolSets();
const logPath = useLogDir();

async function callsOn(calls: Call[], limits: Partial<McpLimits> = {}, log?: string): Promise<ToolResult[]> {
  const mcp = track(await connectMcpServers([testServerConfig("test", log ? { log } : {})], { limits }));
  return runCalls(new ToolRegistry(mcp.tools), calls).done;
}

const call = (id: string, tool: string, args: Record<string, unknown> = {}): Call => ({
  id,
  name: `mcp--test--${tool}`,
  args,
});

// Each test starts real server processes: generous on a loaded machine.
describe("failure paths: each call gets exactly one result", { timeout: 90_000 }, () => {
  it("the server process exits mid-call: that call and the later ones fail as disconnected; refresh reconnects", async () => {
    const mcp = track(await connectMcpServers([testServerConfig()]));
    const registry = new ToolRegistry(mcp.tools);
    const results = await runCalls(registry, [
      call("1", "echo", { text: "a" }),
      call("2", "crash"),
      call("3", "echo", { text: "b" }),
    ]).done;
    expect(results.map((r) => r.status)).toEqual(["ok", "error", "error"]);
    expect(results[1]?.content).toBe(
      'Tool [mcp--test--crash] failed: MCP server "test" disconnected while calling "crash" (stderr: "mcp-test-server: crashing on purpose")',
    );
    expect(results[2]?.content).toContain('MCP server "test" is not connected (disconnected)');
    expect(mcp.stale).toBe(true);
    expect(mcp.servers[0]?.state).toBe("disconnected");

    expect(await mcp.refresh()).toBe(false); // same tools, new process
    expect(mcp.servers[0]?.state).toBe("connected");
    const again = await runCalls(new ToolRegistry(mcp.tools), [call("4", "echo", { text: "c" })]).done;
    expect(again[0]?.content).toBe("echo: c");
  });

  it("a server that never answers: call_timeout after callTimeoutMs, and the server is told to cancel", async () => {
    const log = logPath();
    const results = await callsOn(
      [call("1", "stall"), call("2", "echo", { text: "next" })],
      { callTimeoutMs: 300 },
      log,
    );
    expect(results.map((r) => r.status)).toEqual(["error", "ok"]);
    expect(results[0]?.content).toBe(
      'Tool [mcp--test--stall] failed: MCP server "test" sent no answer or progress for "stall" within 300 ms.',
    );
    await waitFor(() => readCallLog(log).some((e) => e.event === "cancelled" && e.tool === "stall"), 5_000);
  });

  it("progress resets the call timeout; the hard maximum still ends the call", async () => {
    // Each server gets its own bounds: "reset" is never silent for 1.5 s but runs 2 s in all;
    // "capped" reports progress every 100 ms and meets its 1 s maximum.
    const mcp = track(
      await connectMcpServers([
        testServerConfig("reset", {}, { limits: { callTimeoutMs: 1_500 } }),
        testServerConfig("capped", {}, { limits: { callTimeoutMs: 1_500, maxCallTimeoutMs: 1_000 } }),
      ]),
    );
    const results = await runCalls(new ToolRegistry(mcp.tools), [
      { id: "1", name: "mcp--reset--progress", args: { steps: 8, intervalMs: 250 } },
      { id: "2", name: "mcp--capped--progress", args: { steps: 100, intervalMs: 100 } },
    ]).done;
    expect(results[0]).toMatchObject({ status: "ok", content: "8 steps done" });
    expect(results[1]).toMatchObject({
      status: "error",
      content:
        'Tool [mcp--capped--progress] failed: MCP server "capped" did not finish "progress" within the maximum of 1000 ms.',
    });
  });

  it("invalid JSON-RPC, or a result that is not an MCP result: invalid_response at once, the connection goes on", async () => {
    const results = await callsOn([
      call("1", "invalid_json"),
      call("2", "invalid_result"),
      call("3", "echo", { text: "ok" }),
    ]);
    expect(results.map((r) => r.content)).toEqual([
      'Tool [mcp--test--invalid_json] failed: MCP server "test" sent invalid JSON-RPC while answering "invalid_json"',
      'Tool [mcp--test--invalid_result] failed: MCP server "test" answered "invalid_result" with a result that is not an MCP tool result',
      "echo: ok",
    ]);
  });

  it("a huge result is cut to maxResultBytes with a note; a message over maxMessageBytes closes the connection", async () => {
    const results = await callsOn([call("1", "flood", { bytes: 200_000 }), call("2", "flood", { bytes: 2_000_000 })], {
      maxMessageBytes: 1024 * 1024,
    });
    expect(results[0]?.status).toBe("ok");
    expect(results[0]?.content).toBe(`${"x".repeat(32 * 1024)}\n(result cut to 32768 of 200000 bytes)`);
    expect(results[1]).toMatchObject({
      status: "error",
      content:
        'Tool [mcp--test--flood] failed: MCP server "test" sent a message over 1048576 bytes while answering "flood" (connection closed)',
    });
  });

  it("a result that breaks its declared output schema, and isError results, are error results", async () => {
    const results = await callsOn([call("1", "bad_output"), call("2", "fail"), call("3", "rich")]);
    expect(results[0]?.status).toBe("error");
    expect(results[0]?.content).toMatch(
      /^Tool \[mcp--test--bad_output\] failed: MCP server "test" answered "bad_output" with a result that breaks its output schema: .*count must be number$/,
    );
    expect(results[1]).toMatchObject({ status: "error", isError: true, content: "the tool failed on purpose" });
    expect(results[2]).toMatchObject({
      status: "ok",
      content:
        "three things\n[resource file:///notes.txt (text/plain)]\nnote body\n[resource link file:///big.bin (big.bin)]\n" +
        '{"count":3}',
      images: [{ type: "image", source: { type: "base64", media_type: "image/png" } }],
    });
  });

  it("input is validated against the server's inputSchema before the server sees it", async () => {
    const log = logPath();
    const results = await callsOn([call("1", "echo", { text: 42 }), call("2", "sleep", {})], {}, log);
    expect(results.map((r) => r.status)).toEqual(["invalid", "invalid"]);
    expect(results[0]?.content).toContain("input/text must be string");
    expect(readCallLog(log)).toEqual([]);
  });
});

describe("servers that fail to start: a clear error naming the server, never a hang", { timeout: 90_000 }, () => {
  it("a command that does not exist", async () => {
    const error = await connectMcpServers([{ name: "ghost", command: "/nonexistent/mcp-server" }]).catch((e) => e);
    expect(McpToolsError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "start_failed", server: "ghost" });
    expect(error.message).toMatch(/^MCP server "ghost" failed to start: .*ENOENT/);
  });

  it("a process that exits at once, with what it said on stderr, and the other servers closed", async () => {
    const error = await connectMcpServers([
      testServerConfig("fine"),
      {
        name: "broken",
        command: process.execPath,
        args: ["-e", 'console.error("missing config file"); process.exit(2)'],
      },
    ]).catch((e) => e);
    expect(error).toMatchObject({ code: "start_failed", server: "broken" });
    expect(error.message).toBe(
      'MCP server "broken" failed to start: MCP error -32000: Connection closed (stderr: "missing config file")',
    );
  });

  it("a process that never speaks MCP: connect_timeout after connectTimeoutMs", async () => {
    const started = Date.now();
    const error = await connectMcpServers(
      [{ name: "mute", command: process.execPath, args: ["-e", "setInterval(() => {}, 1000)"] }],
      { limits: { connectTimeoutMs: 500 } },
    ).catch((e) => e);
    expect(error).toMatchObject({ code: "connect_timeout", server: "mute" });
    expect(error.message).toBe('MCP server "mute" did not finish connecting within 500 ms.');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("configurations that could never connect are invalid_config", async () => {
    await expect(connectMcpServers([{ name: "", command: "x" }])).rejects.toMatchObject({ code: "invalid_config" });
    await expect(
      connectMcpServers([{ name: "both", command: "x", url: "http://127.0.0.1:1" } as never]),
    ).rejects.toMatchObject({
      code: "invalid_config",
      server: "both",
    });
    await expect(connectMcpServers([{ name: "ftp", url: "ftp://127.0.0.1/" }])).rejects.toMatchObject({
      code: "invalid_config",
    });
    await expect(
      connectMcpServers([
        { name: "a.b", command: "x" },
        { name: "a b", command: "x" },
      ]),
    ).rejects.toThrow('MCP servers "a.b" and "a b" would share the tool prefix "mcp--a_b--".');
    await expect(
      connectMcpServers([{ name: "t", command: "x" }], { limits: { callTimeoutMs: -1 } }),
    ).rejects.toMatchObject({
      code: "invalid_config",
    });
  });
});

describe("secrets of the server's environment", { timeout: 90_000 }, () => {
  const SECRET = "s3cr3t-value-of-the-server";

  it("never appear in results or errors", async () => {
    const mcp = track(
      await connectMcpServers([
        testServerConfig("test", {}, { env: { PATH: process.env.PATH ?? "", API_TOKEN: SECRET } }),
      ]),
    );
    const [result] = await runCalls(new ToolRegistry(mcp.tools), [call("1", "env", { name: "API_TOKEN" })]).done;
    expect(result?.content).toBe("API_TOKEN=[redacted]");

    const error = await connectMcpServers([
      {
        name: "leaky",
        command: process.execPath,
        args: ["-e", "console.error('bad key ' + process.env.API_TOKEN); process.exit(1)"],
        env: { API_TOKEN: SECRET },
      },
    ]).catch((e) => e);
    expect(error.code).toBe("start_failed");
    expect(error.message).toContain("bad key [redacted]");
    expect(JSON.stringify(error)).not.toContain(SECRET);
  });
});
