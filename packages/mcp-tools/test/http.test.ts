import { type McpTestHttpServer, readCallLog, startMcpTestHttpServer } from "@parallel-tool-calls/mcp-test-server";
import { ToolRegistry } from "@parallel-tool-calls/sequential-executor";
import { waitFor } from "@parallel-tool-calls/testing/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { connectMcpServers } from "../src/index.js";
import { runCalls, useLogDir, useToolSets } from "./helpers.js";

const track = useToolSets();
const logPath = useLogDir();
const servers: McpTestHttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function httpServer(log: string): Promise<McpTestHttpServer> {
  const server = await startMcpTestHttpServer({ log });
  servers.push(server);
  return server;
}

// Each test starts real server processes: generous on a loaded machine.
describe("over Streamable HTTP on 127.0.0.1", { timeout: 90_000 }, () => {
  it("runs calls one at a time, reports progress, and an abort reaches the server as a cancellation", async () => {
    const log = logPath();
    const server = await httpServer(log);
    const mcp = track(await connectMcpServers([{ name: "web", url: server.url }]));
    const registry = new ToolRegistry(mcp.tools);
    const progress: unknown[] = [];
    const results = await runCalls(
      registry,
      [
        { id: "1", name: "mcp--web--echo", args: { text: "over http" } },
        { id: "2", name: "mcp--web--progress", args: { steps: 2, intervalMs: 20 } },
        { id: "3", name: "mcp--web--rich", args: {} },
      ],
      { onProgress: (p) => progress.push(p.message) },
    ).done;
    expect(results.map((r) => r.status)).toEqual(["ok", "ok", "ok"]);
    expect(results[0]?.content).toBe("echo: over http");
    // In order; the SDK may drop the last one when the answer overtakes it.
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(progress).toEqual(
      [
        { progress: 1, total: 2, message: "step 1" },
        { progress: 2, total: 2, message: "step 2" },
      ].slice(0, progress.length),
    );

    const controller = new AbortController();
    const slow = runCalls(registry, [{ id: "4", name: "mcp--web--sleep", args: { ms: 20_000 } }], {
      signal: controller.signal,
    });
    await waitFor(() => readCallLog(log).some((e) => e.event === "start" && e.tool === "sleep"), 10_000);
    controller.abort();
    expect((await slow.done).map((r) => r.status)).toEqual(["interrupted"]);
    await waitFor(() => readCallLog(log).some((e) => e.event === "cancelled" && e.tool === "sleep"), 5_000);
    expect(Math.max(...readCallLog(log).map((e) => e.active))).toBe(1);
  });

  it("the server going away mid-call is a disconnected result, not a hang", async () => {
    const log = logPath();
    const server = await httpServer(log);
    const mcp = track(
      await connectMcpServers([{ name: "web", url: server.url }], { limits: { callTimeoutMs: 20_000 } }),
    );
    const started = Date.now();
    const results = await runCalls(new ToolRegistry(mcp.tools), [
      { id: "1", name: "mcp--web--crash", args: {} },
      { id: "2", name: "mcp--web--echo", args: { text: "after" } },
    ]).done;
    expect(results.map((r) => r.status)).toEqual(["error", "error"]);
    expect(results[0]?.content).toMatch(
      /^Tool \[mcp--web--crash\] failed: MCP server "web" disconnected while calling "crash"/,
    );
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("keeps header values out of errors", async () => {
    const secret = "Bearer hdr-secret-0123456789";
    const error = await connectMcpServers(
      [{ name: "nowhere", url: "http://127.0.0.1:9/mcp", headers: { Authorization: secret } }],
      { limits: { connectTimeoutMs: 5_000 } },
    ).catch((e) => e);
    expect(error).toMatchObject({ code: "start_failed", server: "nowhere" });
    expect(JSON.stringify(error)).not.toContain("hdr-secret");
  });
});
