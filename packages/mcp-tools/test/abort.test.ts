import { readCallLog } from "@parallel-tool-calls/mcp-test-server";
import { runToolTurn, ToolRegistry } from "@parallel-tool-calls/sequential-executor";
import { useServer, waitFor } from "@parallel-tool-calls/testing/vitest";
import { describe, expect, it } from "vitest";
import { connectMcpServers } from "../src/index.js";
import { callsResponse, handlerFor, runCalls, TASK, testServerConfig, useLogDir, useToolSets } from "./helpers.js";

const model = useServer();
const track = useToolSets();
const logPath = useLogDir();

// Each test starts real server processes: generous on a loaded machine.
describe("abort in the middle of a slow MCP call", { timeout: 90_000 }, () => {
  it("reaches the server as a cancellation; the turn settles at once with every call answered", async () => {
    const log = logPath();
    const mcp = track(await connectMcpServers([testServerConfig("test", { log })]));
    model.server.enqueue(
      callsResponse([
        { id: "c1", name: "mcp--test--echo", args: { text: "before" } },
        { id: "c2", name: "mcp--test--sleep", args: { ms: 20_000 } },
        { id: "c3", name: "mcp--test--echo", args: { text: "after" } },
      ]),
    );
    const controller = new AbortController();
    const turn = runToolTurn({
      handler: handlerFor(model.server),
      registry: new ToolRegistry(mcp.tools),
      systemPrompt: "test",
      history: TASK,
      parallelToolCalls: true, // about MCP, not the switch
      signal: controller.signal,
    });
    await waitFor(() => readCallLog(log).some((e) => e.event === "start" && e.tool === "sleep"), 10_000);
    const abortedAt = Date.now();
    controller.abort(new Error("user pressed stop"));
    const result = await turn.result;
    const settledIn = Date.now() - abortedAt;

    expect(result.status).toBe("aborted");
    expect(result.results.map((r) => [r.toolCallId, r.status])).toEqual([
      ["c1", "ok"],
      ["c2", "interrupted"],
      ["c3", "interrupted"],
    ]);
    expect(settledIn).toBeLessThan(5_000); // far below the 20 s the call would have taken
    // The server heard the cancellation and stopped the call; the third call never reached it.
    await waitFor(() => readCallLog(log).some((e) => e.event === "cancelled" && e.tool === "sleep"), 5_000);
    const entries = readCallLog(log);
    expect(entries.filter((e) => e.event === "start").map((e) => e.tool)).toEqual(["echo", "sleep"]);
    expect(entries.at(-1)).toMatchObject({ event: "end", tool: "sleep (cancelled)", active: 0 });

    // The connection is still good for the next turn.
    const next = await runCalls(new ToolRegistry(mcp.tools), [
      { id: "d1", name: "mcp--test--echo", args: { text: "x" } },
    ]).done;
    expect(next[0]?.content).toBe("echo: x");
  });

  it("a call still queued behind another executor's call never reaches the server once aborted", async () => {
    const log = logPath();
    const mcp = track(await connectMcpServers([testServerConfig("test", { log })]));
    const registry = new ToolRegistry(mcp.tools);
    const first = runCalls(registry, [{ id: "a", name: "mcp--test--sleep", args: { ms: 300 } }]);
    await waitFor(() => readCallLog(log).some((e) => e.event === "start"), 10_000);
    const controller = new AbortController();
    const second = runCalls(registry, [{ id: "b", name: "mcp--test--echo", args: { text: "late" } }], {
      signal: controller.signal,
    });
    controller.abort();
    expect((await second.done).map((r) => r.status)).toEqual(["interrupted"]);
    expect((await first.done).map((r) => r.status)).toEqual(["ok"]);
    await second.executor.whenIdle();
    expect(
      readCallLog(log)
        .filter((e) => e.event === "start")
        .map((e) => e.tool),
    ).toEqual(["sleep"]);
  });
});
